using System.Security.Claims;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>Who a request comes from, as far as the console is concerned.</summary>
public enum StaffSignInState
{
    Anonymous,
    NotStaff,
    Staff,
}

public sealed record StaffSignIn(StaffSignInState State, StaffMember? Member);

/// <summary>
/// Identifies the staff member behind a console request: a verified Entra ID token holding the staff role (production),
/// or the LocalHost's development session. Nothing else counts: no header, no cookie of another purpose.
/// </summary>
public sealed class StaffAuthentication(ConsoleOptions options, EntraTokenValidator entra, Web.WebSessions sessions, IDevelopmentStaffSignIn? development = null)
{
    public const string DevelopmentCookie = "avs-console";

    public const string DevelopmentPurpose = "console-development";

    public static readonly TimeSpan DevelopmentLifetime = TimeSpan.FromHours(8);

    public bool HasEntraId => options.HasEntraId;

    public IDevelopmentStaffSignIn? Development => development;

    public async Task<StaffSignIn> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Token(request) is { } token && await entra.ValidateAsync(token, cancellationToken).ConfigureAwait(false) is { } identity)
        {
            if (!identity.Claims.Any(c => c.Type == "roles" && string.Equals(c.Value, options.StaffRole, StringComparison.Ordinal)))
            {
                return new StaffSignIn(StaffSignInState.NotStaff, null);
            }
            var id = Claim(identity, "oid") ?? Claim(identity, "sub") ?? "?";
            var email = Claim(identity, "preferred_username") ?? Claim(identity, "email") ?? id;
            return new StaffSignIn(StaffSignInState.Staff, new StaffMember(id, Claim(identity, "name") ?? email, email));
        }
        if (development is not null && sessions.Read(request, DevelopmentCookie, DevelopmentPurpose) is { } subject
            && development.SampleStaff.FirstOrDefault(s => s.Id == subject) is { } sample)
        {
            return new StaffSignIn(StaffSignInState.Staff, sample);
        }
        return new StaffSignIn(StaffSignInState.Anonymous, null);
    }

    private static string? Token(HttpRequest request)
    {
        if (request.Headers["X-MS-TOKEN-AAD-ID-TOKEN"].ToString() is { Length: > 0 } idToken)
        {
            return idToken;
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
}
