using AvecSante.Core.Calls;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>The publish form's fields: what the normaliser read, as the staff member corrects it.</summary>
public sealed record CallDraft(
    string Title,
    string Funder,
    string? Url,
    string Deadline,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> StructureKinds,
    string? Summary,
    string? PublishedOn,
    string? Evidence,
    string? EvidenceFor)
{
    public static CallDraft From(CallForProjects call) => new(
        call.Title, call.Funder, call.Url?.ToString(), ConsoleFormat.LocalInput(call.Deadline), call.Themes, call.Departments,
        call.StructureKinds, call.Summary, call.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), call.DeadlineEvidence,
        call.DeadlineEvidence is null ? null : ConsoleFormat.LocalInput(call.Deadline));

    public static CallDraft From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(
            form["title"].ToString().Trim(), form["funder"].ToString().Trim(), Optional(form["url"]), form["deadline"].ToString().Trim(),
            [.. form["theme"].OfType<string>()], [.. form["department"].OfType<string>()], [.. form["kind"].OfType<string>()],
            Optional(form["summary"]), Optional(form["publishedOn"]), Optional(form["evidence"]), Optional(form["evidenceFor"]));
    }

    /// <summary>The submission of the existing use case (POST /api/calls): its validator and dedup apply as they are.</summary>
    public CallSubmission ToSubmission() => new()
    {
        Title = Title,
        Funder = Funder,
        Url = Url,
        Deadline = Deadline.Length == 0 ? null : Deadline,
        Themes = Themes,
        Departments = Departments,
        StructureKinds = StructureKinds,
        Summary = Summary,
        PublishedOn = PublishedOn,
        // The phrase proves the deadline it was read for, not one the staff member typed instead.
        DeadlineEvidence = Deadline == EvidenceFor ? Evidence : null,
    };

    private static string? Optional(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
}
