using AvecSante.Core.Members;
using AvecSante.Core.Space;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Space;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Space;

/// <summary>The coordinators' space: sign-in by emailed link, sessions, the calendar feed; called once from AddAvecSante.</summary>
public static class SpaceRegistration
{
    public static IServiceCollection AddSpace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpaceOptions>().Bind(configuration.GetSection(SpaceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpaceOptions>, SpaceOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SpaceOptions>>().Value.ToSettings());
        // The space is reached at the same public address as every link in emails.
        services.AddSingleton(sp => new SpaceAddresses(sp.GetRequiredService<IOptions<AlertsOptions>>().Value.ToLinkSettings([]).PublicBaseUrl));

        services.AddSingleton<ISpaceSessionStore, TableSpaceSessionStore>();
        services.AddSingleton<ISignInClaimStore, TableSignInClaimStore>();
        services.AddSingleton<IRateLimitStore, TableRateLimitStore>();
        services.AddSingleton<ICalendarFeedStore, TableCalendarFeedStore>();
        services.AddSingleton<IPersonalDataHolder, SpacePersonalData>();

        services.AddSingleton<SpaceSignIn>();
        services.AddSingleton<PersonalCalendar>();
        services.AddSingleton<OpenCallsSnapshot>();
        services.AddSingleton<CalendarFeedHandlers>();
        services.AddSingleton<SpaceGate>();
        services.AddSingleton<SpaceSignInHandlers>();
        services.AddSingleton<SpaceBoardHandlers>();
        services.AddSingleton<SpaceLibraryHandlers>();
        services.AddSingleton<SpacePersonalHandlers>();
        return services;
    }
}
