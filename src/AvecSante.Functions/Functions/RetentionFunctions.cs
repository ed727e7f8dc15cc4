using AvecSante.Api.Members;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's retention timer to its NCRONTAB app setting and runs the job; the parity test keeps it so.</summary>
public sealed class RetentionFunctions(PurgeExpiredDataJob purgeExpiredData)
{
    [Function("PurgeExpiredData")]
    public Task PurgeExpiredData([TimerTrigger("%Schedules:PurgeExpiredData%")] TimerInfo timer, CancellationToken cancellationToken) => purgeExpiredData.RunAsync(cancellationToken);
}
