using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>
/// Who is calling, for the audit trail. The LocalHost puts the name of the function key it matched in HttpContext.Items;
/// behind the Functions host (which checks keys itself and does not pass their names on) an authenticated user's name is
/// used when there is one, else "function-key". Never read from a request header: a caller could write anything there.
/// </summary>
public static class CallerIdentity
{
    public const string ItemKey = "AvecSante.CallerKeyName";

    public const string Fallback = "function-key";

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        if (context.Items.TryGetValue(ItemKey, out var name) && name is string { Length: > 0 } keyName)
        {
            return "key:" + keyName;
        }
        if (context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } user })
        {
            return user;
        }
        return Fallback;
    }
}
