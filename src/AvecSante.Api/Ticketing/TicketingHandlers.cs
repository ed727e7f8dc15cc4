using System.Net;
using System.Text.Json;
using AvecSante.Api.Http;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Ticketing;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Ticketing;

/// <summary>
/// POST /api/ticketing/helloasso and POST /api/ticketing/webhook (public routes: they authenticate the sender
/// themselves). Bad input gets a 4xx problem; a 503 only ever means "storage is down, send it again". A delivery is
/// archived and queued (202), then processed from the queue (ProcessTicketingDelivery).
/// </summary>
public sealed partial class TicketingHandlers(
    TicketingInboxProcessor processor,
    IOptions<TicketingOptions> options,
    TimeProvider clock,
    ILogger<TicketingHandlers> logger)
{
    public const string HelloAssoSignatureHeader = "x-ha-signature";
    public const string TimestampHeader = "X-AvecSante-Timestamp";
    public const string SignatureHeader = "X-AvecSante-Signature";

    /// <summary>HelloAsso notifications: ?secret= in the URL, optional source allow-list, optional x-ha-signature.</summary>
    public async Task<IResult> HelloAssoAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.HelloAsso.IsConfigured)
        {
            LogRefused("helloasso", "not configured");
            return Unauthorized("La réception des notifications HelloAsso n'est pas configurée (Ticketing:HelloAsso:UrlSecret).");
        }
        if (!TicketingSignatures.SecretEquals(request.Query["secret"].ToString(), settings.HelloAsso.UrlSecret!))
        {
            LogRefused("helloasso", "wrong URL secret");
            return Unauthorized("Le secret de l'adresse de notification est absent ou faux.");
        }
        var networks = settings.HelloAsso.AllowedNetworks();
        if (networks.Count > 0 && !(ClientAddress(request, settings.HelloAsso.ClientIpHeader) is { } address && networks.Any(n => n.Contains(address))))
        {
            LogRefused("helloasso", "source address not allowed");
            return Problems.Of(StatusCodes.Status403Forbidden, "Adresse d'origine non autorisée.");
        }
        var (body, tooLarge) = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            return TooLarge(settings.MaxBodyBytes);
        }
        if (!string.IsNullOrWhiteSpace(settings.HelloAsso.SignatureKey)
            && !TicketingSignatures.IsValidHelloAssoSignature(body, request.Headers[HelloAssoSignatureHeader].ToString(), settings.HelloAsso.SignatureKey))
        {
            LogRefused("helloasso", "bad signature");
            return Unauthorized("La signature x-ha-signature est absente ou ne correspond pas au contenu.");
        }
        return await ReceiveAsync(TicketSources.HelloAsso, body, duplicateIsReplay: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Generic signed submissions: X-AvecSante-Timestamp and X-AvecSante-Signature, 5-minute window, one use per submissionId.</summary>
    public async Task<IResult> WebhookAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.Webhook.IsConfigured)
        {
            LogRefused("webhook", "not configured");
            return Unauthorized("La réception des inscriptions signées n'est pas configurée (Ticketing:Webhook:SigningKey).");
        }
        var (body, tooLarge) = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            return TooLarge(settings.MaxBodyBytes);
        }
        var check = TicketingSignatures.CheckWebhook(
            request.Headers[TimestampHeader].ToString(), request.Headers[SignatureHeader].ToString(), body, settings.Webhook.SigningKey!, clock.GetUtcNow());
        if (check != TicketingSignatures.WebhookCheck.Valid)
        {
            LogRefused("webhook", check.ToString());
            return Unauthorized(check switch
            {
                TicketingSignatures.WebhookCheck.MissingHeaders => $"Les en-têtes {TimestampHeader} et {SignatureHeader} sont obligatoires.",
                TicketingSignatures.WebhookCheck.StaleTimestamp => "L'horodatage est absent, mal formé ou hors de la fenêtre de 5 minutes.",
                _ => "La signature ne correspond pas au contenu.",
            });
        }
        return await ReceiveAsync(TicketSources.Webhook, body, duplicateIsReplay: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IResult> ReceiveAsync(string source, byte[] body, bool duplicateIsReplay, CancellationToken cancellationToken)
    {
        DeliveryReceipt receipt;
        try
        {
            receipt = await processor.AcknowledgeAsync(source, body, duplicateIsReplay, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Problems.MalformedJson(ex);
        }
        catch (TicketingPayloadException ex)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Le contenu reçu n'est pas une notification de billetterie lisible.", ex.Message,
                new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }
        catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
        {
            LogStorageDown(ex, source);
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Stockage momentanément indisponible : renvoyez la notification plus tard.");
        }

        if (receipt.Kind == DeliveryResultKind.Duplicate && duplicateIsReplay)
        {
            LogRefused(source, "replayed submission");
            return Unauthorized("Cet envoi (submissionId) a déjà été reçu : un rejeu est refusé.");
        }
        var answer = new
        {
            status = receipt.Kind.ToString().ToLowerInvariant(),
            deliveryId = receipt.InboxId,
            outcome = receipt.Outcome,
        };
        return receipt.Kind == DeliveryResultKind.Queued
            ? TypedResults.Json(answer, statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Ok(answer);
    }

    private static bool IsStorageFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is RequestFailedException or HttpRequestException or TimeoutException or AggregateException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], true);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }

    /// <summary>The sender's address: the connection's, or the last hop of a configured front-end header.</summary>
    private static IPAddress? ClientAddress(HttpRequest request, string? header)
    {
        if (!string.IsNullOrWhiteSpace(header) && request.Headers[header].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            return IPAddress.TryParse(last, out var parsed) ? parsed : null;
        }
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        return remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote;
    }

    private static IResult Unauthorized(string detail) =>
        Problems.Of(StatusCodes.Status401Unauthorized, "Envoi non authentifié.", detail);

    private static IResult TooLarge(int maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le contenu envoyé est trop volumineux.", $"Au plus {maxBytes} octets.");

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Ticketing delivery on {Route} refused: {Reason}")]
    private partial void LogRefused(string route, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Ticketing delivery on {Route} answered 503: storage unavailable")]
    private partial void LogStorageDown(Exception exception, string route);
}
