using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using AvecSante.Api.Calls;
using AvecSante.Api.Health;
using AvecSante.Api.Jobs;
using AvecSante.Api.Notifications;
using AvecSante.Api.Samples;
using AvecSante.Core.Calls;
using AvecSante.Core.Notifications;
using AvecSante.Core.People;
using AvecSante.Infrastructure.Blobs;
using AvecSante.Infrastructure.Email;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

        // Storage: a connection string locally (Azurite), the service URI and a managed identity on Azure.
        services.AddSingleton(sp => CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 3, timeout: TimeSpan.FromSeconds(30)));
        services.AddSingleton(sp => new HealthProbeClient(CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 0, timeout: TimeSpan.FromSeconds(2))));
        services.AddSingleton(sp => CreateBlobService(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TableStore>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<ICallRepository, TableCallRepository>();
        services.AddSingleton<IPeopleDirectory, TablePeopleDirectory>();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();

        // Email: SendGrid when a key is configured, .eml files in the local outbox otherwise.
        services.AddHttpClient<SendGridEmailSender>();
        services.AddSingleton<LocalOutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendGrid.IsConfigured
            ? sp.GetRequiredService<SendGridEmailSender>()
            : sp.GetRequiredService<LocalOutboxEmailSender>());

        // Use cases.
        services.AddSingleton<CallAlertPlanner>();
        services.AddSingleton<CallSubmissionService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<SamplePeopleSeeder>();

        // Handlers and jobs, as the function catalogue names them.
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<CallsHandlers>();
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
        return string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new TableServiceClient(storage.TableServiceUri, new DefaultAzureCredential(), options)
            : new TableServiceClient(storage.ConnectionString, options);
    }
}
