using AvecSante.Api.Jobs;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Members;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Members;

/// <summary>What a retention purge did, or would do in a dry run: ids and reasons, never names.</summary>
public sealed record PurgeReport(bool DryRun, IReadOnlyList<RetentionCandidate> People, int Erased);

/// <summary>
/// Timer PurgeMemberData: erases the people the retention rules (Members:RetentionAfterLeftMonths,
/// Members:ContactRetentionMonths) say are kept too long. Running it twice erases nothing more.
/// POST members/purge?dryRun=true shows the same list without erasing.
/// </summary>
public sealed partial class PurgeMemberDataJob(
    PersonalDataService personalData,
    IOptions<MembersOptions> options,
    ILogger<PurgeMemberDataJob> logger) : IScheduledJob
{
    public const string Actor = "purge-retention";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var report = await PurgeAsync(personalData, options.Value, dryRun: false, Actor, cancellationToken).ConfigureAwait(false);
        LogPurged(report.Erased);
    }

    public static async Task<PurgeReport> PurgeAsync(PersonalDataService personalData, MembersOptions options, bool dryRun, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personalData);
        ArgumentNullException.ThrowIfNull(options);
        var candidates = await personalData.RetentionCandidatesAsync(options.ToRetentionRules(), cancellationToken).ConfigureAwait(false);
        var erased = 0;
        if (!dryRun)
        {
            foreach (var candidate in candidates)
            {
                if (await personalData.EraseAsync(candidate.PersonId, actor, "durée de conservation dépassée : " + candidate.Reason, cancellationToken).ConfigureAwait(false) is not null)
                {
                    erased++;
                }
            }
        }
        return new PurgeReport(dryRun, candidates, erased);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Erased} people erased")]
    private partial void LogPurged(int erased);
}
