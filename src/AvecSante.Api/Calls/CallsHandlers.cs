using AvecSante.Api.Http;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Calls;

/// <summary>HTTP handlers for calls for projects, shared by both hosts.</summary>
public sealed class CallsHandlers(CallSubmissionService submissions, ICallRepository calls, CallReviewService reviews)
{
    /// <summary>POST /api/calls: 201 with the call when new, 200 with the stored one when it was known already.</summary>
    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (submission, problem) = await JsonBody.ReadAsync<CallSubmission>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var result = await submissions.SubmitAsync(submission!, cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(result, "Appel", id => $"/api/calls/{id}") is { } refused)
        {
            return refused;
        }
        var created = result.Kind == OutcomeKind.Created;
        var body = CallResponse.From(result.Value!.Call, created, result.Value.AlertsPlanned);
        return created ? TypedResults.Created($"/api/calls/{result.Value.Call.Id}", body) : TypedResults.Ok(body);
    }

    /// <summary>GET /api/calls/{id}.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Appel");
        }
        var call = await calls.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (call?.Version is { } version)
        {
            request.HttpContext.Response.Headers.ETag = version; // for If-Match on a correction or a cancellation
        }
        return call is null ? Problems.NotFound("Appel") : TypedResults.Ok(CallResponse.From(call));
    }

    /// <summary>
    /// POST /api/calls/{id}/review: confirms a call held "à vérifier" (no body, or {}) or corrects it ({deadline},
    /// {rolling: true}, {funder}); 200 with the call and the alerts newly planned.
    /// </summary>
    public async Task<IResult> ReviewAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Appel");
        }
        var review = new CallReview();
        if (request.ContentType is not null || request.ContentLength > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<CallReview>(request, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }
            review = body!;
        }
        var result = await reviews.ReviewAsync(id, review, cancellationToken).ConfigureAwait(false);
        return Problems.Refusal(result, "Appel")
            ?? TypedResults.Ok(CallResponse.From(result.Value!.Call, alertsPlanned: result.Value.AlertsPlanned));
    }

    /// <summary>GET /api/calls?status=&amp;theme=&amp;department=&amp;funder=&amp;structure=.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query;
        CallStatus? status = null;
        if (QueryValues.Text(q, "status") is { } s)
        {
            if (!Enum.TryParse<CallStatus>(s, ignoreCase: true, out var parsed))
            {
                return Problems.BadQuery("status", "valeurs possibles : open, closed, toreview (à vérifier).");
            }
            status = parsed;
        }
        var filter = new CallFilter(
            status,
            QueryValues.Text(q, "theme"),
            QueryValues.Text(q, "department"),
            QueryValues.Text(q, "funder"),
            QueryValues.Text(q, "structure")?.ToUpperInvariant());
        var list = await calls.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(c => CallResponse.From(c)).ToList());
    }
}

/// <summary>The JSON shape of a call: Paris-time deadline for people, UTC instant for programs.</summary>
public sealed record CallResponse(
    string Id,
    string Title,
    string Funder,
    string? Url,
    string? PublishedOn,
    DateTimeOffset? Deadline,
    string? DeadlineParis,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> StructureKinds,
    string? Summary,
    string Status,
    string Source,
    bool? Created = null,
    int? AlertsPlanned = null,
    IReadOnlyList<CallDisagreement>? Disagreements = null,
    IReadOnlyList<string>? ReviewReasons = null,
    DateTimeOffset? ReviewedAt = null,
    DateTimeOffset? CancelledAt = null)
{
    public static CallResponse From(CallForProjects call, bool? created = null, int? alertsPlanned = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(
            call.Id,
            call.Title,
            call.Funder,
            call.Url?.ToString(),
            call.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            call.Deadline,
            call.Deadline is { } d ? ParisTime.ToParis(d).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null,
            call.Themes,
            call.Departments,
            call.StructureKinds,
            call.Summary,
            call.Status.ToString().ToLowerInvariant(),
            call.Source,
            created,
            alertsPlanned,
            call.Disagreements,
            call.ReviewReasons.Count > 0 ? call.ReviewReasons : null,
            call.ReviewedAt,
            call.CancelledAt);
    }
}
