using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AvecSante.Core.Reports;

namespace AvecSante.Infrastructure.Reports;

/// <summary>Word document, Excel annex and JSON summary of one report.</summary>
public sealed class AnnualReportRenderer : IAnnualReportRenderer
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    public RenderedReport Render(AnnualReport report) =>
        new(AnnualReportWordWriter.Write(report), ExcelAnnexWriter.Write(report), Json(report));

    public static byte[] Json(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = new
        {
            report.Year,
            Federation = report.FederationName,
            report.CompiledAt,
            KeyMessages = ReportHeadlines.KeyMessages(report),
            Headlines = ReportHeadlines.For(report),
            report.Current,
            report.Previous,
        };
        return JsonSerializer.SerializeToUtf8Bytes(summary, JsonOptions);
    }
}
