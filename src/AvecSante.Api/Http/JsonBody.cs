using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>Reads a JSON body, turning every way it can be wrong into a problem response instead of a 500.</summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }
        try
        {
            var value = await request.ReadFromJsonAsync<T>(Options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, Problems.Of(StatusCodes.Status400BadRequest, "Le corps de la requête est vide."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.MalformedJson(ex));
        }
        catch (InvalidOperationException)
        {
            // The only other failure of the reader: a charset .NET does not know.
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Le jeu de caractères du corps est inconnu.", "Envoyez le JSON en UTF-8."));
        }
    }
}
