namespace AvecSante.Core.Calls;

/// <summary>
/// What a staff member says of a call held "à vérifier" (POST /api/calls/{id}/review): an empty review confirms the
/// call as read; a field given corrects it. Either way the deadline and the funder become the staff's.
/// </summary>
public sealed record CallReview
{
    /// <summary>The right deadline: yyyy-MM-dd (end of that day in Paris), yyyy-MM-ddTHH:mm (Paris) or an ISO instant.</summary>
    public string? Deadline { get; init; }

    /// <summary>True: the call has no deadline ("au fil de l'eau").</summary>
    public bool? Rolling { get; init; }

    /// <summary>The right funder, named as staff name it (an alias becomes the funder's one name).</summary>
    public string? Funder { get; init; }
}
