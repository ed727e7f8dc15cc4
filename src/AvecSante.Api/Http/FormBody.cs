using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>
/// Reads a form (multipart or urlencoded), turning every way it can be wrong into a problem response instead of a
/// 500: no or an over-long boundary, a truncated or garbled body, a key over 2,048 characters, a value or header line
/// past the reader's limits, an unknown charset. The caller answers 413 for bodies over its own size first.
/// </summary>
public static class FormBody
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFormAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le corps de la requête est trop volumineux."));
        }
        catch (InvalidDataException ex)
        {
            // The form reader's own limits (key length, value length, boundary, headers) and malformed sections.
            return (null, Malformed(ex.Message));
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A body that ends before its closing boundary.
            return (null, Malformed(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // A form content type without a boundary, or with a charset .NET does not know.
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Le type du formulaire est incomplet ou son jeu de caractères inconnu.", ex.Message));
        }
    }

    private static IResult Malformed(string detail) =>
        Problems.Of(StatusCodes.Status400BadRequest, "Le formulaire (multipart/form-data) est illisible.", detail);
}
