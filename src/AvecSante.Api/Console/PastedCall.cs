using System.Globalization;

using AvecSante.Infrastructure.Calls;

using Microsoft.AspNetCore.Http;

using MimeKit;

namespace AvecSante.Api.Console;

/// <summary>What a staff member pasted or uploaded: the text (or HTML) of a call, and what an email says of its origin.</summary>
public sealed record PastedCall(string Text, string? Sender, DateOnly? PublishedOn, string? FileName)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The upload wins over the text box: an .eml is read as an email (its HTML or text body, sender and date), a PDF
    /// by its text, anything else as text or HTML. Null when there is nothing to read.
    /// </summary>
    public static async Task<PastedCall?> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Files.GetFile("fichier") is { Length: > 0 and <= MaxFileBytes } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var bytes = buffer.ToArray();
            var name = Path.GetFileName(file.FileName);
            if (name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) || file.ContentType == "message/rfc822")
            {
                buffer.Position = 0;
                return FromEmail(await MimeMessage.LoadAsync(buffer, cancellationToken).ConfigureAwait(false), name);
            }
            if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                return PdfText.Extract(bytes) is { Length: > 0 } pdf ? new PastedCall(pdf, null, null, name) : null;
            }
            return new PastedCall(System.Text.Encoding.UTF8.GetString(bytes), null, null, name);
        }
        var text = form["texte"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // A whole email pasted with its headers reads as an email.
        if (text.StartsWith("From:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Return-Path:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Received:", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            return FromEmail(await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false), null);
        }
        return new PastedCall(text, null, null, null);
    }

    private static PastedCall FromEmail(MimeMessage message, string? fileName) => new(
        message.HtmlBody ?? message.TextBody ?? string.Empty,
        message.From.Mailboxes.FirstOrDefault()?.Address,
        message.Date == DateTimeOffset.MinValue ? null : DateOnly.FromDateTime(message.Date.UtcDateTime),
        fileName);

    public string? PublishedOnText => PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
