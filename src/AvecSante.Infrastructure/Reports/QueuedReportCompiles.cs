using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.Infrastructure.Reports;

/// <summary>Requested compilations as JSON messages on the queue named by <see cref="QueueSetting"/>.</summary>
public sealed class QueuedReportCompiles(WorkQueues queues) : IQueuedReportCompiles
{
    /// <summary>The app setting holding the queue's name; the queue trigger names it as "%Queues:ReportCompiles%".</summary>
    public const string QueueSetting = "Queues:ReportCompiles";

    public Task EnqueueAsync(ReportCompileRequest request, CancellationToken cancellationToken) =>
        queues.SendJsonAsync(QueueSetting, request, cancellationToken);

    /// <summary>Reads a message written by <see cref="EnqueueAsync"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">Not such a message.</exception>
    public static ReportCompileRequest Read(string message) =>
        WorkQueues.ReadJson<ReportCompileRequest>(message, r => r is { Year: > 0, RequestId.Length: > 0, Trigger.Length: > 0 }, "a report compilation request");
}
