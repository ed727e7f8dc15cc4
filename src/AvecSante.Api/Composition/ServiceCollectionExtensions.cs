using AvecSante.Api.Alerts;
using AvecSante.Api.Health;
using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Composition;

/// <summary>The composition root both hosts call: the same services, the same options, the same checks.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddAvecSante(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        AddValidatedOptions<FederationOptions, FederationOptionsValidator>(services, configuration, FederationOptions.Section);
        AddValidatedOptions<StorageOptions, StorageOptionsValidator>(services, configuration, StorageOptions.Section);
        AddValidatedOptions<EmailOptions, EmailOptionsValidator>(services, configuration, EmailOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        // ASP.NET Core's request log writes raw URLs (keys, URL secrets, signed tokens): RedactedRequestLogging replaces it.
        services.AddLogging(logging => logging.AddFilter(RedactedRequestLogging.HostingCategory, LogLevel.Warning));

        // Storage: tables, blobs, work queues and the shared stores (in Composition).
        StorageRegistration.AddStorage(services, configuration);

        // Email: SendGrid when a key is configured, .eml files in the local outbox otherwise.
        services.AddHttpClient<SendGridEmailSender>();
        services.AddSingleton<LocalOutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendGrid.IsConfigured
            ? sp.GetRequiredService<SendGridEmailSender>()
            : sp.GetRequiredService<LocalOutboxEmailSender>());

        // Calls for projects: sources, ingestion, submission and review, and the Graph client (in Api/Calls).
        Calls.CallsRegistration.AddCalls(services, configuration);

        // Capitalisation library: records, files and their purge (in Api/Documents).
        Documents.DocumentsRegistration.AddDocuments(services, configuration);

        // Use cases.
        services.AddSingleton<CallAlertPlanner>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<OutboxRetry>();

        // Events and ticketing (HelloAsso, generic signed webhook): its own registration, in Api/Ticketing.
        Ticketing.TicketingRegistration.AddEventsAndTicketing(services, configuration);

        // Member file: structures, people, cotisations, CSV import/export, GDPR, audit (its own registration, in Api/Members).
        Members.MembersRegistration.AddMembers(services, configuration);

        // Yearly activity report: figures, Word + Excel + JSON, stored under the year, board email (in Api/Reports).
        Reports.ReportsRegistration.AddReports(services, configuration);

        // Alerts to coordinators: preferences, signed links, channels (SendGrid, Graph mail and calendar, Teams), reminders, digest (in Api/Notifications).
        AlertsRegistration.AddAlerts(services, configuration);

        // Coordinators' space: sign-in by emailed link, sessions, personal calendar feed (in Api/Space).
        Space.SpaceRegistration.AddSpace(services, configuration);

        // Pages: layout, stylesheet, form tokens and sessions shared by the console and the space (in Api/Web).
        Web.WebRegistration.AddWeb(services, configuration);
        Console.ConsoleRegistration.AddConsole(services, configuration);

        // Handlers and jobs, as the function catalogue names them.
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<ApiDescriptionHandler>();
        services.AddSingleton<NotificationsHandlers>();
        services.AddSingleton<DispatchNotificationsJob>();
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
