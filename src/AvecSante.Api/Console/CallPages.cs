using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>A call's console page: the call, its alerts, what the last action did, and the correction form as typed when it was refused.</summary>
public sealed class CallPages(IOutboxStore outbox, TimeProvider clock)
{
    public async Task<IResult> RenderAsync(ConsoleRequest console, CallForProjects call, IQueryCollection? notices, CallCorrectionForm? correction, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(call);
        var alerts = await outbox.ListForSubjectAsync(call.Id, cancellationToken).ConfigureAwait(false);
        return WebPage.Render<CallPage>(new Dictionary<string, object?>
        {
            [nameof(CallPage.Frame)] = console.Frame,
            [nameof(CallPage.Call)] = call,
            [nameof(CallPage.Alerts)] = alerts,
            [nameof(CallPage.Now)] = clock.GetUtcNow(),
            [nameof(CallPage.Published)] = notices is null ? null : QueryValues.Text(notices, "publie"),
            [nameof(CallPage.Reviewed)] = notices is null ? null : QueryValues.Text(notices, "verifie"),
            [nameof(CallPage.Corrected)] = notices is null ? null : QueryValues.Text(notices, "modifie"),
            [nameof(CallPage.Cancelled)] = notices is null ? null : QueryValues.Text(notices, "annule"),
            [nameof(CallPage.Reinstated)] = notices is null ? null : QueryValues.Text(notices, "retabli"),
            [nameof(CallPage.Correction)] = correction,
        }, status);
    }
}
