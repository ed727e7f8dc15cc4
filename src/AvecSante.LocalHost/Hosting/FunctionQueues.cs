using AvecSante.Api;
using AvecSante.Api.Jobs;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// Runs the catalogue's queue functions in-process as the Functions host's QueueTrigger does: the queue named by the
/// function's setting on its connection, batches of host.json's batchSize, each message leased for the function
/// timeout; a failure makes it visible again after visibilityTimeout, and at maxDequeueCount it moves to
/// "{queue}-poison". "AzureWebJobs.{Function}.Disabled" = true stops polling, as on Azure; DrainAsync still runs it.
/// </summary>
public sealed partial class FunctionQueues(
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<FunctionQueues> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<QueueBinding> _bindings = [];
    private QueueTriggerSettings _settings = null!;

    private sealed record QueueBinding(QueueFunction Function, QueueClient Queue, QueueClient Poison, IQueueHandler Handler, bool Listening)
    {
        /// <summary>Whether this process created the queue yet (once, not on every poll).</summary>
        public bool Created { get; set; }
    }

    /// <summary>Resolves every queue's name and connection before the host serves, so a missing setting stops it by name.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _settings = QueueTriggerSettings.Read(configuration, environment.ContentRootPath);
        foreach (var function in FunctionCatalog.Queues)
        {
            var service = WorkQueues.CreateService(configuration, function.Connection);
            var name = WorkQueues.QueueName(configuration, function.QueueSetting);
            var disabled = string.Equals(configuration[$"AzureWebJobs.{function.Name}.Disabled"], "true", StringComparison.OrdinalIgnoreCase);
            if (disabled)
            {
                LogDisabled(function.Name);
            }
            _bindings.Add(new QueueBinding(function, service.GetQueueClient(name), service.GetQueueClient(WorkQueues.PoisonName(name)),
                (IQueueHandler)services.GetRequiredService(function.Handler), !disabled));
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_bindings.Where(b => b.Listening).Select(b => ListenAsync(b, stoppingToken)));

    /// <summary>Runs every queue until it is empty, retries and poisoning included (tests, and a host whose polling is off).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var binding in _bindings)
        {
            int batch;
            while ((batch = await RunBatchAsync(binding, cancellationToken).ConfigureAwait(false)) > 0)
            {
                handled += batch;
            }
        }
        return handled;
    }

    private async Task ListenAsync(QueueBinding binding, CancellationToken stoppingToken)
    {
        var wait = MinimumPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunBatchAsync(binding, stoppingToken).ConfigureAwait(false) > 0)
                {
                    wait = MinimumPollingInterval;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                LogPollFailed(ex, binding.Function.Name); // storage down: poll again, backing off
            }
            try
            {
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Empty polls back off exponentially up to maxPollingInterval, as the host's listener does.
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, Math.Max(_settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
        }
    }

    private async Task<int> RunBatchAsync(QueueBinding binding, CancellationToken cancellationToken)
    {
        if (!binding.Created)
        {
            await binding.Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            binding.Created = true;
        }
        var leaseEnd = TimeProvider.System.GetUtcNow() + _settings.FunctionTimeout;
        var messages = (await binding.Queue.ReceiveMessagesAsync(_settings.BatchSize, _settings.FunctionTimeout, cancellationToken).ConfigureAwait(false)).Value;
        await Task.WhenAll(messages.Select(m => HandleAsync(binding, m, leaseEnd, cancellationToken))).ConfigureAwait(false);
        return messages.Length;
    }

    private async Task HandleAsync(QueueBinding binding, QueueMessage message, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > _settings.MaxDequeueCount)
        {
            await PoisonAsync(binding, message, leaseEnd, cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await binding.Handler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // stopping: the lease runs out and the message comes back
        }
#pragma warning disable CA1031 // A failing message is the queue's to retry or poison, never the listener's end.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex, binding.Function.Name, message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                await PoisonAsync(binding, message, leaseEnd, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WhileLeasedAsync(ct => binding.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: ct), leaseEnd, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        await WhileLeasedAsync(ct => binding.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct), leaseEnd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the host: the same content to "{queue}-poison" (created when first needed), then off the queue.</summary>
    private async Task PoisonAsync(QueueBinding binding, QueueMessage message, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        await WhileLeasedAsync(async ct =>
        {
            await binding.Poison.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await binding.Poison.SendMessageAsync(message.Body, cancellationToken: ct).ConfigureAwait(false);
        }, leaseEnd, cancellationToken).ConfigureAwait(false);
        await WhileLeasedAsync(ct => binding.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct), leaseEnd, cancellationToken).ConfigureAwait(false);
        LogPoisoned(binding.Function.Name, message.MessageId, message.DequeueCount);
    }

    /// <summary>The host's own calls about a leased message, retried through a storage blip (real time, whatever the app's clock).</summary>
    private static Task WhileLeasedAsync(Func<CancellationToken, Task> call, DateTimeOffset leaseEnd, CancellationToken cancellationToken) =>
        LeaseBoundRetry.RunAsync(call, leaseEnd, TimeProvider.System, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue function {Function} is not polled: AzureWebJobs.{Function}.Disabled is true")]
    private partial void LogDisabled(string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue function {Function} could not poll its queue; it polls again")]
    private partial void LogPollFailed(Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue function {Function} failed on message {MessageId} (dequeue count {DequeueCount})")]
    private partial void LogFailed(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue function {Function}: message {MessageId} moved to the poison queue after {DequeueCount} dequeues")]
    private partial void LogPoisoned(string function, string messageId, long dequeueCount);
}

public static class FunctionQueuesRegistration
{
    /// <summary>One instance: the hosted listener, and DrainAsync for whoever holds the host (the tests).</summary>
    public static IServiceCollection AddFunctionQueues(this IServiceCollection services)
    {
        services.AddSingleton<FunctionQueues>();
        return services.AddHostedService(sp => sp.GetRequiredService<FunctionQueues>());
    }
}
