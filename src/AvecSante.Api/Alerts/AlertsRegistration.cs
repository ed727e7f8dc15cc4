using System.Security.Cryptography;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Alerts;

/// <summary>Alerts to coordinators: links, routing, channels, planners and jobs; called once from AddAvecSante.</summary>
public static class AlertsRegistration
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();

        // Without a configured key (local only: the validator demands one with SendGrid), links work until the process stops.
        services.AddSingleton(sp => new SignedLinks(
            sp.GetRequiredService<IOptions<AlertsOptions>>().Value.ToLinkSettings(RandomNumberGenerator.GetBytes(32)),
            sp.GetRequiredService<TimeProvider>()));
        // Per-person link versions: staff or the person void every preferences link issued so far.
        services.AddSingleton<ILinkVersions, TableLinkVersions>();
        services.AddSingleton<RevocableLinks>();
        services.AddSingleton<LinkRevocationHandlers>();
        services.AddSingleton(sp => new AlertRouting(sp.GetRequiredService<IOptions<AlertsOptions>>().Value.TenantDomainList, sp.GetRequiredService<SignedLinks>()));
        services.AddSingleton<IAlertStateStore, TableAlertStateStore>();

        // Channels: the real adapter when configured, a local file otherwise (no real mail leaves a developer machine).
        services.AddHttpClient<TeamsWebhookPoster>();
        services.AddSingleton<LocalTeamsPoster>();
        services.AddSingleton<LocalCalendarPublisher>();
        services.AddSingleton<GraphMailSender>();
        services.AddSingleton<GraphCalendarPublisher>();
        services.AddSingleton(sp =>
        {
            var alerts = sp.GetRequiredService<IOptions<AlertsOptions>>().Value;
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured && !string.IsNullOrWhiteSpace(alerts.SharedMailbox);
            return new DispatchChannels(
                TenantMail: graph ? sp.GetRequiredService<GraphMailSender>() : sp.GetRequiredService<LocalOutboxEmailSender>(),
                Calendar: graph ? sp.GetRequiredService<GraphCalendarPublisher>() : sp.GetRequiredService<LocalCalendarPublisher>(),
                Teams: alerts.Teams.WebhookUrl is not null ? sp.GetRequiredService<TeamsWebhookPoster>() : sp.GetRequiredService<LocalTeamsPoster>(),
                People: sp.GetRequiredService<IPeopleDirectory>());
        });

        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<DigestPlanner>();
        services.AddSingleton<CallChangeAlerts>();
        services.AddSingleton<PreferencesHandlers>();
        services.AddSingleton<SendRemindersJob>();
        services.AddSingleton<SendDigestJob>();
        services.AddSingleton<SendCallChangeAlertsJob>();
        return services;
    }
}
