namespace AvecSante.Core.Calls;

/// <summary>How far a source is believed about a call, lowest first. Only the order matters.</summary>
public enum SourceTrustLevel
{
    /// <summary>Aggregators and partner files (aides-territoires, a partner's CSV or JSON listing).</summary>
    Aggregator = 0,

    /// <summary>A funder's own site, feed or mailbox, reading a call another source brought first.</summary>
    FunderSite = 1,

    /// <summary>The source that brought the call first: it may keep correcting what it said.</summary>
    OriginatingSource = 2,

    /// <summary>The federation's staff (calls submitted by hand).</summary>
    Staff = 3,
}

/// <summary>
/// The trust order of sources: staff, then the call's originating source, then funder sites, then aggregators and
/// partner files. A source below the call's originating source may add a sighting and record a disagreement, but never
/// change the call's deadline, title or status: an RSS item linking to a staff-entered call's address cannot move it.
/// </summary>
public static class SourceTrust
{
    /// <summary>The source name of calls submitted by staff.</summary>
    public const string Staff = "manual";

    /// <summary>The trust of <paramref name="source"/> (of the given kind) about <paramref name="call"/>.</summary>
    public static SourceTrustLevel Of(CallForProjects call, string source, SourceTrustLevel kind)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (source == Staff)
        {
            return SourceTrustLevel.Staff;
        }
        if (source == call.Source)
        {
            return SourceTrustLevel.OriginatingSource;
        }
        return kind >= SourceTrustLevel.FunderSite ? SourceTrustLevel.FunderSite : SourceTrustLevel.Aggregator;
    }

    /// <summary>The trust of the source that decides the call's deadline, title and status: the one that brought it.</summary>
    public static SourceTrustLevel Authority(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Source == Staff ? SourceTrustLevel.Staff : SourceTrustLevel.OriginatingSource;
    }

    /// <summary>True when the source may change the call's deadline, title and status.</summary>
    public static bool MayChange(CallForProjects call, string source, SourceTrustLevel kind) =>
        Of(call, source, kind) >= Authority(call);
}
