using AvecSante.Infrastructure.Storage;

namespace AvecSante.Api.Jobs;

/// <summary>A message a queue function gave up on: its function, its id in the poison queue, when it was put aside.</summary>
public sealed record PoisonedMessage(QueueFunction Function, string Id, DateTimeOffset? InsertedOn, BinaryData Body);

/// <summary>
/// The work every queue function of the catalogue gave up on (after the host's maximum dequeue count), read from the
/// queues' "-poison" twins, and put back on its queue once the cause is fixed. The keyed API and the console's Envois
/// page both go through here.
/// </summary>
public sealed class PoisonedWork(WorkQueues queues)
{
    /// <summary>A poison queue's message id is a GUID; anything else cannot be one.</summary>
    public static bool IsMessageId(string? id) => Guid.TryParse(id, out _);

    /// <summary>The first messages of each poison queue, in the catalogue's order (a peek: nothing is taken).</summary>
    public async Task<IReadOnlyList<PoisonedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var poisoned = new List<PoisonedMessage>();
        foreach (var function in FunctionCatalog.Queues)
        {
            foreach (var message in await queues.PeekPoisonAsync(function.QueueSetting, cancellationToken).ConfigureAwait(false))
            {
                poisoned.Add(new PoisonedMessage(function, message.MessageId, message.InsertedOn, message.Body));
            }
        }
        return poisoned;
    }

    /// <summary>Puts the message back on its queue; the function it went back to, or null when no poison queue holds it.</summary>
    public async Task<QueueFunction?> RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsMessageId(id))
        {
            return null;
        }
        foreach (var function in FunctionCatalog.Queues)
        {
            if (await queues.RetryPoisonAsync(function.QueueSetting, id, cancellationToken).ConfigureAwait(false))
            {
                return function;
            }
        }
        return null;
    }
}
