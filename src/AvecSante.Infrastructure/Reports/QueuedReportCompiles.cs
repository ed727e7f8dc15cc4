using System.Text.Json;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.Infrastructure.Reports;

/// <summary>Requested compilations as JSON messages on the queue named by <see cref="QueueSetting"/>.</summary>
public sealed class QueuedReportCompiles(WorkQueues queues) : IQueuedReportCompiles
{
    /// <summary>The app setting holding the queue's name; the queue trigger names it as "%Queues:ReportCompiles%".</summary>
    public const string QueueSetting = "Queues:ReportCompiles";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(ReportCompileRequest request, CancellationToken cancellationToken)
    {
        var queue = await queues.GetQueueAsync(QueueSetting, cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(request, Web), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a message written by <see cref="EnqueueAsync"/>.</summary>
    /// <exception cref="JsonException">Not such a message.</exception>
    public static ReportCompileRequest Read(string message)
    {
        var request = JsonSerializer.Deserialize<ReportCompileRequest>(message, Web);
        return request is { Year: > 0, RequestId.Length: > 0, Trigger.Length: > 0 }
            ? request
            : throw new JsonException("The queue message is not a report compilation request.");
    }
}
