using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Members.Import;
using AvecSante.Infrastructure.Members;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Console;

/// <summary>The member file in the console: the CRM's CSV import, dry run first, with its line-by-line report.</summary>
public sealed class ConsoleMembersHandlers(ConsoleGate gate, MemberImporter importer, IOptions<MembersOptions> options)
{
    /// <summary>GET console/adherents/import.</summary>
    public Task<IResult> ImportFormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, console => Task.FromResult(MemberImportPage.Result(console.Frame, null, null, StatusCodes.Status200OK)), cancellationToken);

    /// <summary>POST console/adherents/import: the same importer as POST /api/members/import; the audit names the person.</summary>
    public Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var max = options.Value.ImportMaxBytes;
            if (form.Files.GetFile("fichier") is not { Length: > 0 } file)
            {
                return MemberImportPage.Result(console.Frame, null, "Choisissez le fichier CSV exporté du CRM.", StatusCodes.Status422UnprocessableEntity);
            }
            if (file.Length > max)
            {
                return MemberImportPage.Result(console.Frame, null, $"Le fichier dépasse {max / 1024 / 1024} Mo.", StatusCodes.Status413PayloadTooLarge);
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var dryRun = form["essai"].ToString() == "on";
            try
            {
                var report = await importer.ImportAsync(buffer.ToArray(), Path.GetFileName(file.FileName), dryRun, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
                return MemberImportPage.Result(console.Frame, report, null, StatusCodes.Status200OK);
            }
            catch (ImportFileException ex)
            {
                return MemberImportPage.Result(console.Frame, null, "Le fichier ne peut pas être importé : " + ex.Message, StatusCodes.Status422UnprocessableEntity);
            }
        }, cancellationToken);
}
