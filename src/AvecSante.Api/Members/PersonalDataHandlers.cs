using System.Globalization;
using System.Text;
using System.Text.Json;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Members;

/// <summary>GDPR over HTTP: what is held about a person (JSON or a readable page), erasure, and the retention purge.</summary>
public sealed partial class PersonalDataHandlers(
    PersonalDataService personalData,
    IOptions<MembersOptions> options,
    ILogger<PersonalDataHandlers> logger)
{
    /// <summary>GET /api/members/people/{id}/export?format=json|html.</summary>
    public async Task<IResult> ExportPersonAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = QueryValues.Text(request.Query, "format")?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or "html"))
        {
            return Problems.BadQuery("format", "json ou html.");
        }
        var export = StableKeys.IsSafe(id) ? await personalData.ExportAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (export is null)
        {
            return Problems.NotFound("Personne");
        }
        LogExported(id);
        var body = new
        {
            export.ExportedAt,
            Person = PersonResponse.From(export.Person),
            Structures = export.Structures.Select(s => new { s.Id, s.Name, s.Kind, s.Department, s.Commune }).ToList(),
            export.Changes,
            export.Elsewhere,
        };
        if (format == "json")
        {
            return TypedResults.Json(body, JsonBody.Options);
        }
        return TypedResults.Content(Page(JsonSerializer.SerializeToElement(body, JsonBody.Options), export.Person.DisplayName), "text/html; charset=utf-8");
    }

    /// <summary>DELETE /api/members/people/{id}: erases the person everywhere; 200 with what was erased (counts).</summary>
    public async Task<IResult> ErasePersonAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = StableKeys.IsSafe(id)
            ? await personalData.EraseAsync(id, CallerIdentity.Of(request), "demande d'effacement", cancellationToken).ConfigureAwait(false)
            : null;
        if (summary is null)
        {
            return Problems.NotFound("Personne");
        }
        LogErased(id);
        return TypedResults.Ok(summary);
    }

    /// <summary>
    /// POST /api/members/erasures {"email": "…"}: erasure by address, for someone in the member file or in no file at all
    /// (a HelloAsso buyer, a webhook attendee). The address travels in the body, so no request log sees it. 200 with
    /// the counts (all zero when nothing was held).
    /// </summary>
    public async Task<IResult> EraseByEmailAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ErasureRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var email = body!.Email?.Trim();
        if (email is not { Length: > 3 and <= 254 } || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Certaines informations sont manquantes ou incorrectes.", "Champs à corriger : email.",
                new Dictionary<string, string[]> { ["email"] = ["une adresse électronique valide est obligatoire"] });
        }
        var summary = await personalData.EraseByEmailAsync(email, CallerIdentity.Of(request), "demande d'effacement (adresse)", cancellationToken).ConfigureAwait(false);
        LogErased(summary.PersonId);
        return TypedResults.Ok(summary);
    }

    /// <summary>POST /api/members/purge?dryRun=true|false: who the retention rules erase (by default only the report).</summary>
    public async Task<IResult> PurgeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryFlag(request.Query, "dryRun", absent: true, out var dryRun))
        {
            return Problems.BadQuery("dryRun", "true ou false.");
        }
        var report = await PurgeMemberDataJob.PurgeAsync(personalData, options.Value, dryRun, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(report);
    }

    private static string Page(JsonElement data, string name)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>Données détenues sur {{Html.Encode(name)}}</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top}</style>
            </head>
            <body>
            <h1>Données personnelles détenues sur {{Html.Encode(name)}}</h1>
            <p>Ce document répond au droit d'accès (RGPD, article 15). Il liste tout ce que le back-office d'AVECsanté Bretagne conserve sur cette personne.</p>
            """);
        foreach (var (title, property) in new[] { ("Identité et coordonnées", "person"), ("Structures", "structures"), ("Historique des modifications (noms des champs modifiés)", "changes"), ("Ailleurs (envois, fichiers importés…)", "elsewhere") })
        {
            html.Append("<h2>").Append(Html.Encode(title)).Append("</h2>");
            Render(html, data.GetProperty(property));
        }
        html.Append(CultureInfo.InvariantCulture, $"<p>Document établi le {Html.Encode(data.GetProperty("exportedAt").GetString())} (UTC).</p></body></html>");
        return html.ToString();
    }

    /// <summary>Any JSON as plain HTML: objects as two-column tables, arrays of objects as tables, values as text.</summary>
    private static void Render(StringBuilder html, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<table>");
                foreach (var p in value.EnumerateObject())
                {
                    html.Append("<tr><th>").Append(Html.Encode(p.Name)).Append("</th><td>");
                    Render(html, p.Value);
                    html.Append("</td></tr>");
                }
                html.Append("</table>");
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                html.Append("<p>(aucun)</p>");
                break;
            case JsonValueKind.Array when value[0].ValueKind == JsonValueKind.Object:
                var columns = value.EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
                html.Append("<table><tr>");
                foreach (var c in columns)
                {
                    html.Append("<th>").Append(Html.Encode(c)).Append("</th>");
                }
                html.Append("</tr>");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<tr>");
                    foreach (var c in columns)
                    {
                        html.Append("<td>");
                        if (item.TryGetProperty(c, out var cell))
                        {
                            Render(html, cell);
                        }
                        html.Append("</td>");
                    }
                    html.Append("</tr>");
                }
                html.Append("</table>");
                break;
            case JsonValueKind.Array:
                html.Append(Html.Encode(string.Join(", ", value.EnumerateArray().Select(v => v.ToString()))));
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                html.Append('—');
                break;
            case JsonValueKind.True:
                html.Append("oui");
                break;
            case JsonValueKind.False:
                html.Append("non");
                break;
            default:
                html.Append(Html.Encode(value.ToString()));
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GDPR export of person {PersonId}")]
    private partial void LogExported(string personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GDPR erasure of person {PersonId}")]
    private partial void LogErased(string personId);
}

/// <summary>Body of POST /api/members/erasures.</summary>
public sealed record ErasureRequest(string? Email);
