using System.Security.Claims;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AvecSante.Api.Console;

/// <summary>
/// Checks an Entra ID token (the id token App Service Authentication passes in X-MS-TOKEN-AAD-ID-TOKEN, or a bearer
/// token) against the tenant's published signing keys, issuer, audience and lifetime. The unsigned
/// X-MS-CLIENT-PRINCIPAL header is never read: anyone can send it to an app whose platform sign-in is off.
/// </summary>
public sealed class EntraTokenValidator(ConsoleOptions options, IConfigurationManager<OpenIdConnectConfiguration> metadata)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<ClaimsIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!options.HasEntraId || string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        var configuration = await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [new Uri(options.Instance, options.TenantId + "/v2.0").ToString(), $"https://sts.windows.net/{options.TenantId}/"],
            ValidAudiences = [options.ClientId, "api://" + options.ClientId],
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            NameClaimType = "name",
            RoleClaimType = "roles",
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid ? result.ClaimsIdentity : null;
    }
}
