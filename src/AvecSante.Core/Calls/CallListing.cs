namespace AvecSante.Core.Calls;

/// <summary>
/// A call as a list shows it: no texts, sightings or history, so that a list of thousands reads a few columns of each.
/// Not a call to change: read the call itself for that.
/// </summary>
public sealed record CallListing(string Id, string Title, string Funder, DateTimeOffset? Deadline, IReadOnlyList<string> Themes, CallStatus Status)
{
    public static CallListing From(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.Id, call.Title, call.Funder, call.Deadline, call.Themes, call.Status);
    }
}
