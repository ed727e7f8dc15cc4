using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Ticketing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Ticketing;

/// <summary>The services of events and ticketing, called from AddAvecSante (kept here so the capability stays in one place).</summary>
public static class TicketingRegistration
{
    public static void AddEventsAndTicketing(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TicketingOptions>().Bind(configuration.GetSection(TicketingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TicketingOptions>, TicketingOptionsValidator>();

        services.AddSingleton<IEventRepository, TableEventRepository>();
        services.AddSingleton<ITicketStore, TableTicketStore>();
        services.AddSingleton<ITicketingInbox, TableTicketingInbox>();
        services.AddSingleton<IRawPayloadArchive, BlobRawPayloadArchive>();
        services.AddSingleton<IAttendeeMatcher, TableAttendeeMatcher>();
        // GDPR: tickets and raw payloads hold attendees' names and emails; export and erasure ask this holder too.
        services.AddSingleton<IPersonalDataHolder, TicketingPersonalData>();
        services.AddSingleton(sp => new TicketingSender(sp.GetRequiredService<IOptions<FederationOptions>>().Value.Name));
        services.AddSingleton<TicketingService>();
        services.AddSingleton<IQueuedTicketingDeliveries, QueuedTicketingDeliveries>();
        services.AddSingleton<TicketingInboxProcessor>();
        services.AddSingleton<TicketingDeliveryHandler>();
        services.AddSingleton<TicketingDeliveriesHandlers>();
        services.AddSingleton<AttendanceImporter>();
        services.AddSingleton<EventCreation>();

        services.AddSingleton<EventsHandlers>();
        services.AddSingleton<TicketingHandlers>();
        services.AddSingleton<HeldRefunds>();
        services.AddSingleton<HeldRefundsHandlers>();
        services.AddSingleton<SweepTicketingInboxJob>();
        services.AddHttpClient(nameof(HelloAssoApiClient));
        // One client for the process, so its token cache lives as long as the process.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HelloAssoApiClient>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HelloAssoApiClient))));
        // The same client re-reads an Order notification's order when credentials are configured (ADR 0006).
        services.AddSingleton<IHelloAssoOrderSource>(sp => sp.GetRequiredService<HelloAssoApiClient>());
        services.AddSingleton<ReconcileTicketingJob>();
    }
}
