using AvecSante.Api.Health;
using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Calls;
using AvecSante.Infrastructure.Members;
using AvecSante.Infrastructure.Storage;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Composition;

/// <summary>Tables, blobs and work queues, and the stores several capabilities share; called once from AddAvecSante.</summary>
public static class StorageRegistration
{
    public static void AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        // A connection string locally (Azurite), the service URI and a managed identity on Azure.
        services.AddSingleton(sp => CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 3, timeout: TimeSpan.FromSeconds(30)));
        services.AddSingleton(sp => new HealthProbeClient(CreateTableService(sp.GetRequiredService<IOptions<StorageOptions>>().Value, retries: 0, timeout: TimeSpan.FromSeconds(2))));
        services.AddSingleton(sp => CreateBlobService(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TableStore>();
        services.AddSingleton<BlobStore>();
        // Work queues: the connection the queue triggers name (WorkQueues), read as the Functions host reads it.
        services.AddSingleton(new WorkQueues(configuration));
        services.AddSingleton(new HostJson(configuration, AppContext.BaseDirectory)); // retries as the queue triggers' host counts them
        services.AddSingleton<PoisonedWork>();
        services.AddSingleton<PoisonQueueHandlers>();
        services.AddSingleton<ICallRepository, TableCallRepository>();
        services.AddSingleton<IPeopleDirectory, TablePeopleDirectory>();
        services.AddSingleton<IOutboxStore, TableOutboxStore>();
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
