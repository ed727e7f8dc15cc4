using AvecSante.Api.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's public preference routes (signed links of the alerts) and delegates; the parity test keeps it so.</summary>
public sealed class PreferencesFunctions(PreferencesHandlers preferences)
{
    [Function("ShowPreferences")]
    public Task<IResult> ShowPreferences([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "preferences/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => preferences.ShowAsync(req, token, cancellationToken);

    [Function("SavePreferences")]
    public Task<IResult> SavePreferences([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "preferences/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => preferences.SaveAsync(req, token, cancellationToken);

    [Function("Unsubscribe")]
    public Task<IResult> Unsubscribe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => preferences.UnsubscribeAsync(req, token, cancellationToken);
}
