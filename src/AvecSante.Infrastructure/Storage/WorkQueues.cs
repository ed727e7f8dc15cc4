using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;

namespace AvecSante.Infrastructure.Storage;

/// <summary>
/// The queues of deferred work, reached as the Functions host's queue triggers reach them: through the connection
/// named "WorkQueues", a connection string locally (Azurite) or "WorkQueues:queueServiceUri" and the managed identity
/// on Azure. A queue's name is an app setting (both hosts resolve "%Queues:…%" from it), created once per process.
/// Messages are Base64, the Functions host's default encoding, so either host reads what the other wrote.
/// </summary>
public sealed class WorkQueues
{
    public const string Connection = "WorkQueues";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly IConfiguration _configuration;
    private readonly Lazy<QueueServiceClient> _service;
    private readonly CreatedOnce<QueueClient> _queues;

    public WorkQueues(IConfiguration configuration)
    {
        _configuration = configuration;
        _service = new Lazy<QueueServiceClient>(() => CreateService(configuration, Connection));
        _queues = new CreatedOnce<QueueClient>(async name =>
        {
            var client = _service.Value.GetQueueClient(name);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return client;
        });
    }

    /// <summary>The queue service of a trigger's connection setting, read as the Functions host reads it.</summary>
    public static QueueServiceClient CreateService(IConfiguration configuration, string connection)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(connection);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = 3;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.AddPolicy(StorageCalls.Policy, HttpPipelinePosition.PerRetry);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new QueueServiceClient(section.Value, options);
        }
        if (Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var uri))
        {
            return new QueueServiceClient(uri, new DefaultAzureCredential(), options);
        }
        throw new InvalidOperationException($"Setting '{connection}' (a connection string) or '{connection}:queueServiceUri' (with the app's identity) is required by the work queues.");
    }

    /// <summary>The queue name an app setting holds ("Queues:TicketingDeliveries" → "ticketing-deliveries").</summary>
    public static string QueueName(IConfiguration configuration, string setting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[setting];
        return string.IsNullOrWhiteSpace(name)
            ? throw new InvalidOperationException($"Setting '{setting}' (a queue name) is required.")
            : name.Trim();
    }

    /// <summary>The host's poison queue of a queue: where a message goes after the maximum dequeue count.</summary>
    public static string PoisonName(string queueName) => queueName + "-poison";

    /// <summary>Sends a value as a JSON message (web casing) on the queue an app setting names.</summary>
    public async Task SendJsonAsync<T>(string setting, T value, CancellationToken cancellationToken)
    {
        var queue = await GetQueueAsync(setting, cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(value, Web), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a message written by <see cref="SendJsonAsync{T}"/>.</summary>
    /// <param name="isComplete">What a message of this kind always holds.</param>
    /// <param name="what">The kind of message, for the error ("a ticketing delivery").</param>
    /// <exception cref="JsonException">Not such a message.</exception>
    public static T ReadJson<T>(string message, Func<T, bool> isComplete, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(isComplete);
        return JsonSerializer.Deserialize<T>(message, Web) is { } value && isComplete(value)
            ? value
            : throw new JsonException($"The queue message is not {what}.");
    }

    public Task<QueueClient> GetQueueAsync(string setting, CancellationToken cancellationToken) =>
        _queues.GetAsync(QueueName(_configuration, setting), cancellationToken);

    public Task<QueueClient> GetPoisonQueueAsync(string setting, CancellationToken cancellationToken) =>
        _queues.GetAsync(PoisonName(QueueName(_configuration, setting)), cancellationToken);

    /// <summary>The first messages of a queue's poison twin (a peek: nothing is taken).</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekPoisonAsync(string setting, CancellationToken cancellationToken)
    {
        var poison = await GetPoisonQueueAsync(setting, cancellationToken).ConfigureAwait(false);
        return (await poison.PeekMessagesAsync(MaxPeek, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Puts a poisoned message back on its queue (a fresh dequeue count) and deletes it from the poison queue. The
    /// poison queue is read in leased batches; the other messages read on the way are released at once. False when
    /// the message is not (or no longer) there.
    /// </summary>
    public async Task<bool> RetryPoisonAsync(string setting, string messageId, CancellationToken cancellationToken)
    {
        var poison = await GetPoisonQueueAsync(setting, cancellationToken).ConfigureAwait(false);
        var others = new List<QueueMessage>();
        try
        {
            for (var batch = 0; batch < MaxRetryBatches; batch++)
            {
                var messages = (await poison.ReceiveMessagesAsync(MaxPeek, RetryLease, cancellationToken).ConfigureAwait(false)).Value;
                if (messages.Length == 0)
                {
                    return false;
                }
                if (messages.FirstOrDefault(m => m.MessageId == messageId) is { } found)
                {
                    others.AddRange(messages.Where(m => m != found));
                    var queue = await GetQueueAsync(setting, cancellationToken).ConfigureAwait(false);
                    await queue.SendMessageAsync(found.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                    await poison.DeleteMessageAsync(found.MessageId, found.PopReceipt, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                others.AddRange(messages);
            }
            return false;
        }
        finally
        {
            foreach (var other in others)
            {
                await poison.UpdateMessageAsync(other.MessageId, other.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The most messages one peek returns (the storage's own limit): a poison queue is shown this far.</summary>
    public const int MaxPeek = 32;
    private const int MaxRetryBatches = 20;
    private static readonly TimeSpan RetryLease = TimeSpan.FromSeconds(30);
}
