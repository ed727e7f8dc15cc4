using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;

namespace AvecSante.Api.Alerts;

/// <summary>Timer SendDigest (hourly, UTC): acts on Monday from 08:00 Paris, once a week.</summary>
public sealed class SendDigestJob(DigestPlanner digest) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => digest.RunAsync(force: false, cancellationToken);
}
