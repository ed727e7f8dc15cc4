namespace AvecSante.Core.Calls;

/// <summary>
/// What a staff member corrects in a published call (POST /api/calls/{id}/correction, the console's call page): a field
/// left empty keeps its value. A corrected field becomes the staff's: no later ingestion changes it.
/// </summary>
public sealed record CallCorrection
{
    public string? Title { get; init; }

    /// <summary>The right funder (an alias becomes the funder's one name).</summary>
    public string? Funder { get; init; }

    /// <summary>The new deadline: yyyy-MM-dd (end of that day in Paris), yyyy-MM-ddTHH:mm (Paris) or an ISO instant.</summary>
    public string? Deadline { get; init; }

    /// <summary>True: the call has no deadline any more ("au fil de l'eau").</summary>
    public bool? Rolling { get; init; }
}

public enum CallChangeOutcome
{
    /// <summary>Stored; its "call changed" alerts are planned.</summary>
    Changed,

    /// <summary>Nothing differed from the stored call: nothing written, nobody told.</summary>
    Unchanged,
    NotFound,

    /// <summary>The call is held « à vérifier »: its review releases it (and corrects it).</summary>
    Held,

    /// <summary>The call is cancelled (a correction) or already closed (a cancellation).</summary>
    NotOpen,

    /// <summary>The call changed since the person read it (its version differs).</summary>
    Stale,
    Invalid,
}

/// <param name="AlertsPlanned">"Call changed" emails newly planned (0 when none is due or all were planned already).</param>
public sealed record CallChangeResult(CallChangeOutcome Outcome, CallForProjects? Call = null, int AlertsPlanned = 0, Common.ValidationErrors? Errors = null);
