using System.Text.Json;
using AvecSante.Api.Http;
using AvecSante.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Jobs;

/// <summary>
/// GET /api/queues/poison: the messages every queue function gave up on (after the host's maximum dequeue count),
/// and POST /api/queues/poison/{id}/retry to put one back on its queue once the cause is fixed. Messages hold ids and
/// blob names, no personal data.
/// </summary>
public sealed class PoisonQueueHandlers(WorkQueues queues)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var poisoned = new List<object>();
        foreach (var function in FunctionCatalog.Queues)
        {
            foreach (var message in await queues.PeekPoisonAsync(function.QueueSetting, cancellationToken).ConfigureAwait(false))
            {
                poisoned.Add(new
                {
                    function = function.Name,
                    id = message.MessageId,
                    insertedOn = message.InsertedOn,
                    message = AsJson(message.Body),
                });
            }
        }
        return TypedResults.Ok(poisoned);
    }

    public async Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Identifiant de message invalide.", "Un identifiant de message de file est un GUID, tel que GET queues/poison le donne.",
                new Dictionary<string, string[]> { ["id"] = ["Ce n'est pas un GUID."] });
        }
        foreach (var function in FunctionCatalog.Queues)
        {
            if (await queues.RetryPoisonAsync(function.QueueSetting, id, cancellationToken).ConfigureAwait(false))
            {
                return TypedResults.Ok(new { function = function.Name, id, status = "requeued" });
            }
        }
        return Problems.NotFound("Message en échec");
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
