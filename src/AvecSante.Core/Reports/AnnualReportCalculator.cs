using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

namespace AvecSante.Core.Reports;

/// <summary>The report's figures, computed from plain records (pure: no storage, no clock).</summary>
public static class AnnualReportCalculator
{
    /// <summary>Outbox kinds that are alerts to coordinators (AlertKinds in Notifications; literal here so the report reads stored history).</summary>
    public static readonly IReadOnlySet<string> AlertKinds = new HashSet<string>(StringComparer.Ordinal) { "call-new", "call-changed", "call-reminder", "digest" };

    private static readonly string[] BretonDepartments = ["22", "29", "35", "56"];

    public const string ReminderKind = "call-reminder";
    public const string NewCallKind = "call-new";

    /// <summary>Outbox statuses as stored (OutboxStatus in Notifications).</summary>
    public const string SentStatus = "Sent";
    public const string FailedStatus = "Failed";

    public static AnnualReport Compute(int year, string federationName, DateTimeOffset compiledAt, ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new AnnualReport
        {
            Year = year,
            FederationName = federationName,
            CompiledAt = compiledAt,
            Current = ForYear(year, data),
            Previous = ForYear(year - 1, data),
        };
    }

    public static YearFigures ForYear(int year, ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new YearFigures(
            year,
            data.Structures is { } s && data.Cotisations is { } c ? Members(year, s, c) : null,
            data.Events is { } e ? Events(year, e) : null,
            data.Calls is { } calls ? Calls(year, calls) : null,
            data.Sends is { } sends && sends.TryGetValue(year, out var ofYear) ? Alerts(ofYear) : null,
            data.Documents is { } d ? Documents(year, d) : null);
    }

    public static MemberFigures? Members(int year, IReadOnlyList<MemberStructure> structures, IReadOnlyList<Cotisation> cotisations)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(cotisations);
        var paid = cotisations.Where(c => c.PaidOn is not null).ToList();
        var paidYears = paid.GroupBy(c => c.StructureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Year).ToHashSet(), StringComparer.Ordinal);
        var ofYear = paid.Where(c => c.Year == year).GroupBy(c => c.StructureId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byId = structures.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var members = ofYear.Keys.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        if (members.Count == 0)
        {
            return null;
        }

        var rows = members.Select(s =>
        {
            var c = ofYear[s.Id];
            var isNew = !paidYears[s.Id].Any(y => y < year) && (s.JoinedOn is not { } joined || joined.Year >= year);
            return new MemberRow(s.Name, s.Kind, s.Department, s.Commune, s.AciSignatory, isNew, c.Amount, c.NationalShare, c.PaidOn);
        }).OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();

        // Lapsed in year N: a member of N-1 that did not pay for N, or a member that left during N.
        var lapsed = structures.Count(s =>
            paidYears.TryGetValue(s.Id, out var years)
            && ((years.Contains(year - 1) && !years.Contains(year)) || (s.LeftOn is { } left && left.Year == year)));

        var msp = members.Where(s => s.Kind == "MSP").ToList();
        return new MemberFigures
        {
            MemberCount = members.Count,
            ByKind = Count(members, s => s.Kind, k => MemberKinds.Labels.TryGetValue(k, out var l) ? $"{k} — {l}" : k, MemberKinds.All.ToList()),
            ByDepartment = Count(members, s => s.Department, d => $"{d} — {Departments.Label(d)}", BretonDepartments),
            New = rows.Count(r => r.IsNew),
            Lapsed = lapsed,
            MspMembers = msp.Count,
            AciSignatories = msp.Count(s => s.AciSignatory),
            CotisationsCollected = rows.Sum(r => r.Amount),
            NationalShare = rows.Sum(r => r.NationalShare ?? 0m),
            Rows = rows,
        };
    }

    public static EventFigures? Events(int year, IReadOnlyList<EventWithTickets> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ofYear = events.Where(e => ParisTime.ToParis(e.Event.StartsAt).Year == year).OrderBy(e => e.Event.StartsAt).ToList();
        if (ofYear.Count == 0)
        {
            return null;
        }
        var rows = ofYear.Select(e =>
        {
            var confirmed = e.Tickets.Where(t => t.Status == TicketStatus.Confirmed).ToList();
            var recorded = confirmed.Any(t => t.Attended is not null);
            return (Kind: e.Event.Kind, Row: new EventRow(
                e.Event.Title,
                EventKinds.Label(e.Event.Kind),
                DateOnly.FromDateTime(ParisTime.ToParis(e.Event.StartsAt).DateTime),
                e.Event.Venue,
                e.Event.Capacity,
                confirmed.Count,
                e.Tickets.Count(t => t.Status == TicketStatus.Waitlisted),
                e.Tickets.Count(t => t.Status == TicketStatus.Cancelled),
                recorded ? confirmed.Count(t => t.Attended == true) : null,
                confirmed.Sum(t => t.AmountCents)));
        }).ToList();

        var byKind = rows.GroupBy(r => r.Kind, StringComparer.Ordinal)
            .Select(g => new EventKindRow(
                g.Key,
                EventKinds.Label(g.Key),
                g.Count(),
                g.Sum(r => r.Row.Registrations),
                g.Where(r => r.Row.Attended is not null).Sum(r => r.Row.Registrations),
                g.Sum(r => r.Row.Attended ?? 0),
                g.Sum(r => r.Row.RevenueCents)))
            .OrderByDescending(k => k.Registrations).ThenBy(k => k.Label, StringComparer.CurrentCulture).ToList();

        return new EventFigures
        {
            EventCount = rows.Count,
            Registrations = rows.Sum(r => r.Row.Registrations),
            Waitlisted = rows.Sum(r => r.Row.Waitlisted),
            Cancelled = rows.Sum(r => r.Row.Cancelled),
            AttendanceRecorded = rows.Where(r => r.Row.Attended is not null).Sum(r => r.Row.Registrations),
            Attended = rows.Sum(r => r.Row.Attended ?? 0),
            RevenueCents = rows.Sum(r => r.Row.RevenueCents),
            ByKind = byKind,
            Rows = rows.Select(r => r.Row).ToList(),
        };
    }

    /// <summary>The year a call counts in: its publication, else the day it reached us (Paris).</summary>
    public static int YearOf(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.PublishedOn?.Year ?? ParisTime.ToParis(call.CreatedAt).Year;
    }

    /// <summary>Days from publication to the deadline's Paris date; null when either is unknown, or the dates contradict.</summary>
    public static int? WindowDays(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsRolling || call.PublishedOn is not { } published || call.Deadline is not { } deadline)
        {
            return null;
        }
        var days = DateOnly.FromDateTime(ParisTime.ToParis(deadline).DateTime).DayNumber - published.DayNumber;
        return days >= 0 ? days : null;
    }

    public static CallFigures? Calls(int year, IReadOnlyList<CallForProjects> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var ofYear = calls.Where(c => YearOf(c) == year).ToList();
        if (ofYear.Count == 0)
        {
            return null;
        }
        var windows = ofYear.Select(c => (Call: c, Days: WindowDays(c))).ToList();
        var withWindow = windows.Where(w => w.Days is not null).ToList();
        var byFunder = withWindow.GroupBy(w => w.Call.Funder.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new FunderWindows(g.First().Call.Funder.Trim(), Window(g.Select(w => w.Days!.Value).ToList())))
            .OrderByDescending(f => f.Windows.Count).ThenBy(f => f.Funder, StringComparer.CurrentCulture).ToList();
        return new CallFigures
        {
            CallCount = ofYear.Count,
            ByFunder = ofYear.GroupBy(c => c.Funder.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new CountRow(g.Key, g.First().Funder.Trim(), g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
            ByTheme = ofYear.SelectMany(c => c.Themes.Distinct(StringComparer.Ordinal))
                .GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => new CountRow(g.Key, Themes.Label(g.Key), g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
            Windows = Window(withWindow.Select(w => w.Days!.Value).ToList()),
            WindowsByFunder = byFunder,
            WithoutWindow = windows.Count - withWindow.Count,
            Rows = windows.OrderBy(w => w.Call.PublishedOn ?? DateOnly.MaxValue).ThenBy(w => w.Call.Title, StringComparer.CurrentCulture).Select(w => new CallRow(
                w.Call.Title,
                w.Call.Funder,
                w.Call.Kind,
                w.Call.PublishedOn,
                w.Call.Deadline is { } d ? DateOnly.FromDateTime(ParisTime.ToParis(d).DateTime) : null,
                w.Days,
                w.Call.Themes,
                w.Call.Departments)).ToList(),
        };
    }

    /// <summary>The distribution's buckets, shortest first (labels as the report prints them).</summary>
    public static readonly IReadOnlyList<(int From, int To, string Code, string Label)> WindowBuckets =
    [
        (0, 13, "0-13", "moins de 14 jours"),
        (14, 20, "14-20", "14 à 20 jours"),
        (21, 29, "21-29", "21 à 29 jours"),
        (30, 44, "30-44", "30 à 44 jours"),
        (45, 59, "45-59", "45 à 59 jours"),
        (60, int.MaxValue, "60+", "60 jours et plus"),
    ];

    public static WindowStats Window(IReadOnlyList<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var sorted = days.Order().ToList();
        return new WindowStats(
            sorted.Count,
            Median(sorted),
            sorted.Count == 0 ? null : sorted[0],
            sorted.Count == 0 ? null : sorted[^1],
            sorted.Count(d => d < 21),
            sorted.Count(d => d < 30),
            WindowBuckets.Select(b => new CountRow(b.Code, b.Label, sorted.Count(d => d >= b.From && d <= b.To))).ToList());
    }

    public static double? Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    public static AlertFigures? Alerts(SendTotals sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        if (sends.Total == 0)
        {
            return null;
        }
        static bool IsSent(SendCount c) => c.Status == SentStatus;
        static bool IsFailed(SendCount c) => c.Status == FailedStatus;
        static int Sum(IEnumerable<SendCount> counts) => counts.Sum(c => c.Count);
        return new AlertFigures
        {
            Planned = sends.Total,
            Sent = Sum(sends.Counts.Where(IsSent)),
            Failed = Sum(sends.Counts.Where(IsFailed)),
            ByChannel = sends.Counts.GroupBy(c => c.Channel, StringComparer.Ordinal)
                .Select(g => new ChannelRow(g.Key, ChannelLabel(g.Key), Sum(g.Where(IsSent)), Sum(g.Where(IsFailed)), Sum(g.Where(c => !IsSent(c) && !IsFailed(c)))))
                .OrderByDescending(r => r.Sent).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
            CoordinatorsReached = sends.AlertRecipients.Count,
            CallAlertsSent = Sum(sends.Counts.Where(c => IsSent(c) && c.Kind == NewCallKind)),
            RemindersSent = Sum(sends.Counts.Where(c => IsSent(c) && c.Kind == ReminderKind)),
            ByKind = sends.Counts.Where(IsSent).GroupBy(c => c.Kind, StringComparer.Ordinal)
                .Select(g => new CountRow(g.Key, KindLabel(g.Key), Sum(g)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
        };
    }

    public static string ChannelLabel(string channel) => channel switch
    {
        "Email" => "Courriel",
        "TenantEmail" => "Courriel Office 365 (boîte partagée)",
        "Calendar" => "Agenda partagé",
        "Teams" => "Canal Teams des coordinateurs",
        _ => channel,
    };

    public static string KindLabel(string kind) => kind switch
    {
        "call-new" => "Alerte nouvel appel",
        "call-changed" => "Appel modifié",
        "call-reminder" => "Rappel avant échéance",
        "digest" => "Récapitulatif",
        "calendar" => "Échéance dans l'agenda",
        "teams-new-call" => "Publication Teams",
        "ticket-confirmation" => "Confirmation d'inscription",
        "ticket-waitlisted" => "Liste d'attente",
        "ticket-seat-offer" => "Place libérée",
        "annual-report" => "Rapport d'activité",
        _ => kind,
    };

    public static DocumentFigures? Documents(int year, IReadOnlyList<DocumentSummary> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var sheets = documents
            .Where(d => d.Kind == DocumentKinds.ExperienceSheet && d.DeletedAt is null && ParisTime.ToParis(d.CreatedAt).Year == year)
            .OrderBy(d => d.CreatedAt).ToList();
        if (sheets.Count == 0)
        {
            return null;
        }
        return new DocumentFigures
        {
            SheetCount = sheets.Count,
            ByTheme = sheets.SelectMany(d => d.Themes.Distinct(StringComparer.Ordinal)).GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => new CountRow(g.Key, Themes.Label(g.Key), g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
            ByDepartment = Count(sheets, d => d.Department ?? Departments.Regional, d => Departments.IsBreton(d) ? $"{d} — {Departments.Label(d)}" : Departments.Label(d), []),
            Rows = sheets.Select(d => new DocumentRow(d.Title, d.Structure, d.Department, d.Year, DateOnly.FromDateTime(ParisTime.ToParis(d.CreatedAt).DateTime), d.Themes)).ToList(),
        };
    }

    /// <summary>Counts by key, every expected key shown (even at zero) in its order, then the others.</summary>
    private static List<CountRow> Count<T>(IEnumerable<T> items, Func<T, string> key, Func<string, string> label, IReadOnlyList<string> expected)
    {
        var counts = items.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = expected.Select(k => new CountRow(k, label(k), counts.GetValueOrDefault(k))).ToList();
        rows.AddRange(counts.Where(c => !expected.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CountRow(c.Key, label(c.Key), c.Value)));
        return rows;
    }
}
