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
