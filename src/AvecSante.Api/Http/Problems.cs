using System.Text.Json;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AvecSante.Api.Http;

/// <summary>RFC 9457 problem responses with a French title a staff member understands.</summary>
public static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The answer for a use case that did nothing, the same in every capability (null when it succeeded): one status
    /// per kind, the outcome's own words when it has them. A duplicate names the record that holds the place
    /// (existingId, and existing when <paramref name="pathOf"/> gives its address).
    /// </summary>
    public static IResult? Refusal<T>(Outcome<T> outcome, string what, Func<string, string>? pathOf = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Succeeded)
        {
            return null;
        }
        var status = StatusOf(outcome.Kind);
        return outcome.Kind switch
        {
            OutcomeKind.Invalid => Invalid(outcome.Errors!),
            OutcomeKind.NotFound => NotFound(what),
            OutcomeKind.Conflict => Conflict(outcome, pathOf),
            OutcomeKind.Stale => Of(status, outcome.Reason ?? "L'enregistrement a été modifié entre-temps.",
                outcome.Detail ?? "Relisez-le (GET) puis renvoyez votre modification avec son nouvel ETag dans If-Match."),
            OutcomeKind.TooLarge => Of(status, outcome.Reason ?? "Le fichier est trop volumineux.", outcome.Detail),
            OutcomeKind.UnsupportedType => Of(status, outcome.Reason ?? "Ce type de fichier n'est pas accepté.", outcome.Detail),
            _ => Of(status, outcome.Reason ?? "Cette opération n'est plus possible.", outcome.Detail),
        };
    }

    /// <summary>The status of each kind of outcome, for problems and for pages alike.</summary>
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Created => StatusCodes.Status201Created,
        OutcomeKind.Done or OutcomeKind.Unchanged => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.Stale => StatusCodes.Status412PreconditionFailed,
        OutcomeKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        OutcomeKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        OutcomeKind.Gone => StatusCodes.Status410Gone,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IResult Invalid(ValidationErrors errors) =>
        Of(StatusCodes.Status422UnprocessableEntity, "Certaines informations sont manquantes ou incorrectes.",
            "Champs à corriger : " + string.Join(", ", errors.Fields) + ".", errors.ToDictionary());

    public static IResult NotFound(string what) => Of(StatusCodes.Status404NotFound, $"{what} introuvable.");

    public static IResult UnsupportedMediaType() =>
        Of(StatusCodes.Status415UnsupportedMediaType, "Le contenu doit être envoyé en JSON (Content-Type: application/json).");

    public static IResult MalformedJson(JsonException ex) =>
        Of(StatusCodes.Status400BadRequest, "Le corps de la requête n'est pas un JSON valide.",
            ex.LineNumber is { } line ? $"Erreur près de la ligne {line + 1}, position {ex.BytePositionInLine + 1}." : null);

    public static IResult BadQuery(string parameter, string reason) =>
        Of(StatusCodes.Status400BadRequest, "Paramètre de recherche incorrect.", $"{parameter} : {reason}",
            new Dictionary<string, string[]> { [parameter] = [reason] });

    private static ProblemHttpResult Conflict<T>(Outcome<T> outcome, Func<string, string>? pathOf)
        where T : class
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = outcome.Reason ?? "Cet élément existe déjà.",
            Detail = outcome.Detail,
        };
        if (outcome.Errors is { } errors)
        {
            problem.Extensions["errors"] = errors.ToDictionary();
        }
        if (outcome.ConflictWith is { } id)
        {
            problem.Extensions["existingId"] = id;
            if (pathOf is not null)
            {
                problem.Extensions["existing"] = pathOf(id);
            }
        }
        return TypedResults.Problem(problem);
    }
}
