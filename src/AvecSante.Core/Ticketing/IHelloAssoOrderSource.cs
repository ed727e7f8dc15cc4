using System.Text.Json;

namespace AvecSante.Core.Ticketing;

/// <summary>
/// HelloAsso API v5, read side of one order: an Order notification is unsigned for ordinary associations, so when API
/// credentials are configured its order is re-read here and the API's version is what gets processed.
/// </summary>
public interface IHelloAssoOrderSource
{
    /// <summary>True when API credentials are configured; otherwise notifications are processed as received.</summary>
    bool IsConfigured { get; }

    /// <summary>The order (the shape of an Order notification's data), or null when the API says it does not exist (404).</summary>
    /// <exception cref="HttpRequestException">Unreachable, 429, 5xx or any other unexpected answer: worth a retry later.</exception>
    Task<JsonElement?> GetOrderAsync(string orderId, CancellationToken cancellationToken);
}
