using System.Globalization;

using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>What the Envois page shows: failed sends in full, pending ones in figures plus those already retrying, and poisoned work.</summary>
public sealed record SendsView(
    IReadOnlyList<OutboxMessage> Failed,
    int FailedTotal,
    IReadOnlyList<OutboxMessage> Retrying,
    IReadOnlyList<(string Kind, int Count)> PendingByKind,
    int PendingTotal,
    string? Notice,
    DateTimeOffset Now)
{
    /// <summary>Work the queue functions gave up on (« Traitements en échec »).</summary>
    public IReadOnlyList<PoisonedMessage> Poisoned { get; init; } = [];
}

/// <summary>
/// Envois in the console: the sends that need someone (failed, retrying), retry one or all (OutboxRetry), and send what
/// is due now (the dispatcher, as POST /api/notifications/dispatch). Addresses are shown masked, bodies never. Also the
/// work the queue functions gave up on (PoisonedWork; « Relancer » is ConsolePoisonedWorkHandlers).
/// </summary>
public sealed class ConsoleSendsHandlers(ConsoleGate gate, IOutboxStore outbox, OutboxRetry retry, NotificationDispatcher dispatcher, PoisonedWork poisoned, TimeProvider clock)
{
    /// <summary>The longest list a page shows; beyond, the page says how many more there are.</summary>
    public const int Shown = 200;

    /// <summary>GET console/envois.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var failed = await outbox.ListAsync(OutboxStatus.Failed, cancellationToken).ConfigureAwait(false);
            var pending = await outbox.ListAsync(OutboxStatus.Pending, cancellationToken).ConfigureAwait(false);
            var view = new SendsView(
                [.. failed.OrderByDescending(m => m.CreatedAt).Take(Shown)],
                failed.Count,
                [.. pending.Where(m => m.Attempts > 0).OrderBy(m => m.NextAttemptAt).Take(Shown)],
                [.. pending.GroupBy(m => m.Kind, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2)],
                pending.Count,
                Notice(request.Query),
                clock.GetUtcNow())
            {
                Poisoned = await poisoned.ListAsync(cancellationToken).ConfigureAwait(false),
            };
            return WebPage.Render<SendsPage>(new Dictionary<string, object?> { [nameof(SendsPage.Frame)] = console.Frame, [nameof(SendsPage.View)] = view });
        }, cancellationToken);

    /// <summary>POST console/envois/{id}/reessayer: this failed send back in line, due now.</summary>
    public Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) =>
        {
            var outcome = StableKeys.IsSafe(id)
                ? await retry.RetryAsync(id, CallerIdentity.Of(console.Http), cancellationToken).ConfigureAwait(false)
                : RetryOutcome.NotFailed;
            return WebPage.SeeOther(ConsoleNavigation.Sends + "?relance=" + outcome.ToString().ToLowerInvariant());
        }, cancellationToken);

    /// <summary>POST console/envois/reessayer: every failed send back in line.</summary>
    public Task<IResult> RetryAllAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) =>
        {
            var count = await retry.RetryAllAsync(CallerIdentity.Of(console.Http), cancellationToken).ConfigureAwait(false);
            return WebPage.SeeOther(ConsoleNavigation.Sends + "?relances=" + count.ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);

    /// <summary>POST console/envois/envoyer: send what is due now instead of waiting for the timer.</summary>
    public Task<IResult> DispatchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (_, _) =>
        {
            var summary = await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
            return WebPage.SeeOther(string.Create(CultureInfo.InvariantCulture,
                $"{ConsoleNavigation.Sends}?envoyes={summary.Sent}&reportes={summary.Retrying}&echecs={summary.Failed}&annules={summary.Cancelled}"));
        }, cancellationToken);

    /// <summary>What the last action did, read back from the address it redirected to (post/redirect/get).</summary>
    private static string? Notice(IQueryCollection query)
    {
        if (ConsolePoisonedWorkHandlers.Notice(query[ConsolePoisonedWorkHandlers.OutcomeParameter]) is { } work)
        {
            return work;
        }
        if (query["relance"].ToString() is { Length: > 0 } outcome)
        {
            return outcome switch
            {
                "requeued" => "L'envoi est remis en file : il partira au prochain passage, ou tout de suite avec « Envoyer maintenant ».",
                "changedmeanwhile" => "Cet envoi vient d'être modifié par un autre traitement : rien n'a été fait. Rechargez la page.",
                _ => "Cet envoi n'est plus en échec (déjà relancé, envoyé ou annulé) : rien n'a été fait.",
            };
        }
        if (int.TryParse(query["relances"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count == 0 ? "Aucun envoi en échec à relancer." : $"{count} envoi(s) remis en file.";
        }
        if (int.TryParse(query["envoyes"], NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
        {
            return $"Envoi effectué : {sent} parti(s), {Count(query["reportes"])} reporté(s), {Count(query["echecs"])} en échec, {Count(query["annules"])} annulé(s).";
        }
        return null;
    }

    private static int Count(Microsoft.Extensions.Primitives.StringValues value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
