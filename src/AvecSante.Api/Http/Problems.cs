using System.Text.Json;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;
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
}
