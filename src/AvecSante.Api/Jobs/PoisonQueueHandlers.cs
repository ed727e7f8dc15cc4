using System.Text.Json;
using AvecSante.Api.Http;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Jobs;

/// <summary>
/// GET /api/queues/poison: the messages every queue function gave up on (after the host's maximum dequeue count),
/// and POST /api/queues/poison/{id}/retry to put one back on its queue once the cause is fixed. Messages hold ids and
/// blob names, no personal data.
/// </summary>
public sealed class PoisonQueueHandlers(PoisonedWork poisoned)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var messages = await poisoned.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(messages.Select(m => new
        {
            function = m.Function.Name,
            id = m.Id,
            insertedOn = m.InsertedOn,
            message = AsJson(m.Body),
        }).ToList());
    }

    public async Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!PoisonedWork.IsMessageId(id))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Identifiant de message invalide.", "Un identifiant de message de file est un GUID, tel que GET queues/poison le donne.",
                new Dictionary<string, string[]> { ["id"] = ["Ce n'est pas un GUID."] });
        }
        return await poisoned.RetryAsync(id, cancellationToken).ConfigureAwait(false) is { } function
            ? TypedResults.Ok(new { function = function.Name, id, status = "requeued" })
            : Problems.NotFound("Message en échec");
    }

    /// <summary>The message as JSON when it is JSON (all of ours are), as text otherwise.</summary>
    private static object AsJson(BinaryData body)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return body.ToString();
        }
    }
}
