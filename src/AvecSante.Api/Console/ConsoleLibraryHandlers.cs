using System.Globalization;

using AvecSante.Api.Documents;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>The library's search, as read from the query string; <see cref="Bin"/> lists the bin instead.</summary>
public sealed record LibraryQuery(string? Text, string? Theme, int? Year, string? Department, string? Kind, string? Structure, bool Bin)
{
    public DocumentFilter ToFilter() => new() { Query = Text, Theme = Theme, Year = Year, Department = Department, Kind = Kind, Structure = Structure, Deleted = Bin };
}

/// <summary>
/// Capitalisation in the console: search the library (or its bin), deposit an experience sheet with its metadata, a
/// sheet's page with its versions, a new version, bin and restore. Every rule is DocumentLibrary's; the signed-in person
/// is kept on the versions they deposit and on what they put in the bin.
/// </summary>
public sealed class ConsoleLibraryHandlers(ConsoleGate gate, DocumentLibrary library, DocumentsHandlers api)
{
    /// <summary>GET console/capitalisation.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var query = ReadQuery(request.Query);
            var list = await library.ListAsync(query.ToFilter(), cancellationToken).ConfigureAwait(false);
            return WebPage.Render<LibraryPage>(new Dictionary<string, object?>
            {
                [nameof(LibraryPage.Frame)] = console.Frame,
                [nameof(LibraryPage.Query)] = query,
                [nameof(LibraryPage.Documents)] = list,
                [nameof(LibraryPage.Rules)] = library.Rules,
            });
        }, cancellationToken);

    /// <summary>GET console/nouvelle-fiche: the upload form, an experience sheet by default.</summary>
    public Task<IResult> NewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, console => Task.FromResult(NewSheetPage.Result(console.Frame, new DocumentMetadata { Kind = DocumentKinds.ExperienceSheet }, null, null, library.Rules, StatusCodes.Status200OK)), cancellationToken);

    /// <summary>POST console/nouvelle-fiche: the file and its metadata through DocumentLibrary.UploadAsync.</summary>
    public Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var metadata = SheetForm.Read(form);
            if (form.Files.GetFile("file") is not { } file)
            {
                return NewSheetPage.Result(console.Frame, metadata, Errors("file", "Choisissez le fichier de la fiche."), null, library.Rules, StatusCodes.Status422UnprocessableEntity);
            }
            Outcome<LibraryDocument> outcome;
            await using (var content = file.OpenReadStream())
            {
                outcome = await library.UploadAsync(metadata, new IncomingFile(content, file.Length, file.FileName, CallerIdentity.Of(request)), cancellationToken).ConfigureAwait(false);
            }
            if (outcome.Kind == OutcomeKind.Created)
            {
                return WebPage.SeeOther(SheetHref(outcome.Value!.Id) + "?fait=depose");
            }
            var (status, errors) = FileRefusal(outcome);
            return NewSheetPage.Result(console.Frame, metadata, errors, outcome.ConflictWith, library.Rules, status);
        }, cancellationToken);

    /// <summary>GET console/capitalisation/{id}: description, the method's fields, every version; also while in the bin.</summary>
    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } document)
            {
                return NotFound(console);
            }
            var done = request.Query["fait"].ToString() switch
            {
                "depose" => "Fiche déposée.",
                "version" => "Nouvelle version déposée ; les précédentes restent téléchargeables.",
                "corbeille" => "Fiche mise à la corbeille.",
                "restauree" => "Fiche restaurée.",
                _ => null,
            };
            return SheetPage.Result(console.Frame, document, library.Rules, done, null, StatusCodes.Status200OK);
        }, cancellationToken);

    /// <summary>GET console/capitalisation/{id}/fichier?version=n: the API's own download (type, name, no sniffing).</summary>
    public Task<IResult> DownloadAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, _ => api.DownloadAsync(request, id, cancellationToken), cancellationToken);

    /// <summary>POST console/capitalisation/{id}/versions: a new file; earlier versions are kept.</summary>
    public Task<IResult> AddVersionAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } document)
            {
                return NotFound(console);
            }
            if (form.Files.GetFile("file") is not { } file)
            {
                return SheetPage.Result(console.Frame, document, library.Rules, null, "Choisissez le fichier de la nouvelle version.", StatusCodes.Status422UnprocessableEntity);
            }
            Outcome<LibraryDocument> outcome;
            await using (var content = file.OpenReadStream())
            {
                outcome = await library.AddVersionAsync(id, new IncomingFile(content, file.Length, file.FileName, CallerIdentity.Of(request)), cancellationToken).ConfigureAwait(false);
            }
            return Answer(console, outcome, document, "version");
        }, cancellationToken);

    /// <summary>POST console/capitalisation/{id}/corbeille: to the bin, restorable for the library's period.</summary>
    public Task<IResult> BinAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) => await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } document
            ? Answer(console, await library.DeleteAsync(id, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false), document, "corbeille")
            : NotFound(console), cancellationToken);

    /// <summary>POST console/capitalisation/{id}/restauration: out of the bin while the period runs.</summary>
    public Task<IResult> RestoreAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) => await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } document
            ? Answer(console, await library.RestoreAsync(id, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false), document, "restauree")
            : NotFound(console), cancellationToken);

    public static string SheetHref(string id) => ConsoleNavigation.Library + "/" + Uri.EscapeDataString(id);

    private async Task<LibraryDocument?> FindAsync(string id, CancellationToken cancellationToken) =>
        StableKeys.IsSafe(id) ? await library.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>After a change to a sheet: its page (post/redirect/get), or the page again saying why not.</summary>
    private IResult Answer(ConsoleRequest console, Outcome<LibraryDocument> outcome, LibraryDocument read, string done)
    {
        if (outcome.Succeeded)
        {
            return WebPage.SeeOther(SheetHref(read.Id) + "?fait=" + done);
        }
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound(console);
        }
        var (status, errors) = FileRefusal(outcome);
        return SheetPage.Result(console.Frame, outcome.Value ?? read, library.Rules, null, string.Join(" ", errors.Values.SelectMany(m => m)), status);
    }

    /// <summary>Why the library refused: the status a page answers with, and the messages by field.</summary>
    private static (int Status, IReadOnlyDictionary<string, string[]> Errors) FileRefusal(Outcome<LibraryDocument> outcome) => (Problems.StatusOf(outcome.Kind), outcome.Kind switch
    {
        OutcomeKind.Invalid => outcome.Errors!.ToDictionary(),
        OutcomeKind.TooLarge => Errors("file", "Le fichier est trop volumineux. " + outcome.Detail),
        OutcomeKind.UnsupportedType => Errors("file", "Ce type de fichier n'est pas accepté. " + outcome.Detail),
        _ => Errors("file", outcome.Detail ?? "Opération impossible pour l'instant : réessayez."),
    });

    private static Dictionary<string, string[]> Errors(string field, string message) => new Dictionary<string, string[]> { [field] = [message] };

    private static IResult NotFound(ConsoleRequest console) =>
        WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Fiche introuvable", "Ce document n'existe pas ou plus (peut-être effacé après son séjour dans la corbeille).", ConsoleNavigation.Library, "Capitalisation");

    private static LibraryQuery ReadQuery(IQueryCollection q)
    {
        static string? Value(Microsoft.Extensions.Primitives.StringValues v) => string.IsNullOrWhiteSpace(v.ToString()) ? null : v.ToString().Trim();
        return new LibraryQuery(
            Value(q["q"]),
            Value(q["theme"]) is { } t && Themes.IsKnown(t) ? t : null,
            int.TryParse(Value(q["annee"]), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
            Value(q["departement"]) is { } d && Departments.IsKnown(d) ? d : null,
            Value(q["type"]) is { } k && DocumentKinds.IsKnown(k) ? k : null,
            Value(q["structure"]),
            q["corbeille"].ToString() == "oui");
    }
}
