using AvecSante.Api.Calls;
using AvecSante.Api.Documents;
using AvecSante.Api.Health;
using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Api.Notifications;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Documents;
using AvecSante.Core.Notifications;
using AvecSante.Core.People;
using AvecSante.Infrastructure.Blobs;
using AvecSante.Infrastructure.CallSources;
using AvecSante.Infrastructure.Documents;
using AvecSante.Infrastructure.Email;
using AvecSante.Infrastructure.Graph;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Storage;
using AvecSante.Infrastructure.Tables;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
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

        // Storage: a connection string locally (Azurite), the service URI and a managed identity on Azure.
        services.AddSingleton(sp => CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 3, timeout: TimeSpan.FromSeconds(30)));
        services.AddSingleton(sp => new HealthProbeClient(CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 0, timeout: TimeSpan.FromSeconds(2))));
        services.AddSingleton(sp => CreateBlobService(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TableStore>();
        services.AddSingleton<BlobStore>();
        // Work queues: the connection the queue triggers name (WorkQueues), read as the Functions host reads it.
        services.AddSingleton(new WorkQueues(configuration));
        services.AddSingleton<PoisonQueueHandlers>();
        services.AddSingleton<ICallRepository, TableCallRepository>();
        services.AddSingleton<IPeopleDirectory, TablePeopleDirectory>();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();

        // Email: SendGrid when a key is configured, .eml files in the local outbox otherwise.
        services.AddHttpClient<SendGridEmailSender>();
        services.AddSingleton<LocalOutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendGrid.IsConfigured
            ? sp.GetRequiredService<SendGridEmailSender>()
            : sp.GetRequiredService<LocalOutboxEmailSender>());

        // Calls for projects: sources from settings, read politely; ingestion and its health.
        services.AddOptions<CallsOptions>().Bind(configuration.GetSection(CallsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallsOptions>>(new CallsOptionsValidator(configuration.GetSection(CallsOptions.Section)));
        // One long-lived client for the sources, connecting to public addresses only (checked at connect time).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PoliteHttp>(sp, new HttpClient(
            SourceConnections.CreateHandler(sp.GetRequiredService<IOptions<CallsOptions>>().Value))));
        services.AddSingleton<ICallSourceCatalog, ConfiguredCallSources>();
        AddValidatedOptions<GraphOptions, GraphOptionsValidator>(services, configuration, GraphOptions.Section);
        services.AddSingleton(sp => new TenantGraph(sp.GetRequiredService<IOptions<GraphOptions>>(), new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })));
        services.AddSingleton<ISourceRunStore, TableSourceRunStore>();
        services.AddSingleton<ICallEventLog, TableCallEventLog>();
        services.AddSingleton<CallIngestionService>();
        services.AddSingleton<CallIngestionHandlers>();
        services.AddSingleton<IngestCallsJob>();

        // Capitalisation library: records and index in Tables, files in Blobs (ADR 0005), downloads streamed (ADR 0004).
        AddValidatedOptions<DocumentsOptions, DocumentsOptionsValidator>(services, configuration, DocumentsOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentsOptions>>().Value.ToRules());
        services.AddSingleton<IDocumentRepository, TableDocumentRepository>();
        services.AddSingleton<IDocumentContentStore, BlobDocumentContentStore>();
        services.AddSingleton<DocumentLibrary>();
        services.AddSingleton<IExperienceSheetFinder, ExperienceSheetFinder>();
        services.AddSingleton<DocumentsHandlers>();
        services.AddSingleton<PurgeDeletedDocumentsJob>();

        // Use cases.
        services.AddSingleton<CallAlertPlanner>();
        services.AddSingleton<CallSubmissionService>();
        services.AddSingleton<CallReviewService>();
        services.AddSingleton<CallChangeService>();
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
        services.AddSingleton<CallsHandlers>();
        services.AddSingleton<CallChangesHandlers>();
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

    private static BlobServiceClient CreateBlobService(StorageOptions storage)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        options.AddPolicy(StorageCalls.Policy, HttpPipelinePosition.PerRetry);
        return string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new BlobServiceClient(storage.BlobServiceUri, new DefaultAzureCredential(), options)
            : new BlobServiceClient(storage.ConnectionString, options);
    }

    private static TableServiceClient CreateTableService(StorageOptions storage, int retries, TimeSpan timeout)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = retries;
        options.Retry.NetworkTimeout = timeout;
        options.Retry.Mode = RetryMode.Exponential;
        options.AddPolicy(StorageCalls.Policy, HttpPipelinePosition.PerRetry);
        return string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new TableServiceClient(storage.TableServiceUri, new DefaultAzureCredential(), options)
            : new TableServiceClient(storage.ConnectionString, options);
    }
}
