using AvecSante.Api.Http;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Calls;

/// <summary>
/// POST /api/calls/{id}/correction, /cancellation and /reinstatement: staff change a published call; its "call
/// changed" alerts follow.
/// If-Match (the ETag of GET /api/calls/{id}) is honoured: 412 when the call changed meanwhile.
/// </summary>
public sealed class CallChangesHandlers(CallChangeService changes)
{
    /// <summary>Body {title, funder, deadline, rolling}: the fields given are corrected; 200 with the call and the alerts planned.</summary>
    public async Task<IResult> CorrectAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Appel");
        }
        var (correction, problem) = await JsonBody.ReadAsync<CallCorrection>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var result = await changes.CorrectAsync(id, correction!, IfMatch(request), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        return Answer(request, result);
    }

    /// <summary>No body: the call is cancelled (closed until reinstated); 200 with the call and the alerts planned.</summary>
    public Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        WithoutBodyAsync(request, id, changes.CancelAsync, cancellationToken);

    /// <summary>No body: a cancelled call is reinstated (open again unless its deadline passed); 200 with the call and the alerts planned.</summary>
    public Task<IResult> ReinstateAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        WithoutBodyAsync(request, id, changes.ReinstateAsync, cancellationToken);

    private static async Task<IResult> WithoutBodyAsync(HttpRequest request, string id,
        Func<string, string?, string, CancellationToken, Task<Outcome<SavedCall>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Appel");
        }
        var result = await change(id, IfMatch(request), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        return Answer(request, result);
    }

    private static IResult Answer(HttpRequest request, Outcome<SavedCall> result)
    {
        if (Problems.Refusal(result, "Appel") is { } refused)
        {
            return refused;
        }
        var call = result.Value!.Call;
        if (call.Version is { } version)
        {
            request.HttpContext.Response.Headers.ETag = version;
        }
        return TypedResults.Ok(CallResponse.From(call, alertsPlanned: result.Value.AlertsPlanned));
    }

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.ToString() is { Length: > 0 } v ? v.Trim() : null;
}
