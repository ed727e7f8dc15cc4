using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;

namespace AvecSante.UnitTests.Reports;

public sealed class AnnualReportCalculatorTests
{
    private static CallForProjects Call(string funder, DateOnly published, int days, bool rolling = false) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Title = "Appel fictif",
        Funder = funder,
        PublishedOn = published,
        // 16:00 Paris in June is 14:00 UTC: the window counts Paris dates.
        Deadline = rolling ? null : new DateTimeOffset(published.AddDays(days).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero),
        IsRolling = rolling,
        Source = "manual",
    };

    [Fact]
    public void Answer_windows_give_the_median_the_distribution_and_the_shares_under_21_and_30_days_per_funder()
    {
        var june = new DateOnly(2026, 6, 1);
        var calls = new List<CallForProjects>
        {
            Call("CPAM du Finistère", june, 22), // the field's example: published 1 June, due 23 June
            Call("CPAM du Finistère", june, 14),
            Call("CPAM du Finistère", june, 20),
            Call("ARS Bretagne", june, 45),
            Call("ARS Bretagne", june, 60),
            Call("Région Bretagne", june, 0, rolling: true),
        };

        var figures = AnnualReportCalculator.Calls(2026, calls)!;

        Assert.Equal(6, figures.CallCount);
        Assert.Equal(1, figures.WithoutWindow);
        Assert.Equal(5, figures.Windows.Count);
        Assert.Equal(22, figures.Windows.Median);
        Assert.Equal(2, figures.Windows.Under21);
        Assert.Equal(3, figures.Windows.Under30);
        Assert.Equal(0.6, figures.Windows.ShareUnder30!.Value, 3);
        Assert.Equal(0.4, figures.Windows.ShareUnder21!.Value, 3);
        Assert.Equal([0, 2, 1, 0, 1, 1], figures.Windows.Distribution.Select(b => b.Count));
        var cpam = figures.WindowsByFunder.Single(f => f.Funder == "CPAM du Finistère");
        Assert.Equal(20, cpam.Windows.Median);
        Assert.Equal(14, cpam.Windows.Shortest);
        Assert.Equal(1.0, cpam.Windows.ShareUnder30);
        Assert.Equal(52.5, figures.WindowsByFunder.Single(f => f.Funder == "ARS Bretagne").Windows.Median);
        Assert.Equal(22, AnnualReportCalculator.WindowDays(calls[0]));
    }

    [Fact]
    public void A_call_counts_in_its_publication_year_and_a_deadline_before_publication_gives_no_window()
    {
        var early = Call("ARS Bretagne", new DateOnly(2025, 12, 20), 30);
        var contradictory = Call("ARS Bretagne", new DateOnly(2026, 3, 1), 10) with { PublishedOn = new DateOnly(2026, 3, 20) };

        var figures = AnnualReportCalculator.Calls(2026, [early, contradictory])!;

        Assert.Equal(1, figures.CallCount);
        Assert.Equal(1, figures.WithoutWindow);
        Assert.Null(figures.Windows.Median);
    }

    [Fact]
    public void Members_count_paid_cotisations_of_the_year_new_and_lapsed_structures_and_the_aci_share_of_member_msp()
    {
        MemberStructure S(string id, string kind, bool aci, int joined) => new() { Id = id, Kind = kind, Name = id, Department = "29", AciSignatory = aci, JoinedOn = new DateOnly(joined, 1, 1) };
        Cotisation C(string id, int year, bool paid = true) => new() { StructureId = id, Year = year, Amount = 150m, NationalShare = 30m, PaidOn = paid ? new DateOnly(year, 3, 1) : null };
        var structures = new[] { S("a", "MSP", true, 2020), S("b", "MSP", false, 2026), S("c", "ESP", false, 2020), S("d", "MSP", true, 2020) };
        var cotisations = new[] { C("a", 2025), C("a", 2026), C("b", 2026), C("c", 2025), C("d", 2025), C("d", 2026, paid: false) };

        var figures = AnnualReportCalculator.Members(2026, structures, cotisations)!;

        Assert.Equal(2, figures.MemberCount);
        Assert.Equal(1, figures.New);
        Assert.Equal(2, figures.Lapsed); // c and d paid 2025 but not 2026 (d was called, not paid)
        Assert.Equal(0.5, figures.AciShare);
        Assert.Equal(300m, figures.CotisationsCollected);
        Assert.Equal(60m, figures.NationalShare);
        Assert.Equal(2, figures.ByDepartment.Single(d => d.Code == "29").Count);
        Assert.Equal(0, figures.ByDepartment.Single(d => d.Code == "22").Count);
    }

    [Fact]
    public void Attendance_is_rated_only_on_events_where_it_was_recorded_and_revenue_counts_confirmed_tickets()
    {
        var report = ReportSamples.Report();
        var events = report.Current.Events!;

        Assert.Equal(5, events.EventCount);
        var recorded = events.Rows.Where(r => r.Attended is not null).ToList();
        Assert.Equal(recorded.Sum(r => r.Registrations), events.AttendanceRecorded);
        Assert.Equal(recorded.Sum(r => r.Attended!.Value), events.Attended);
        Assert.Contains(events.Rows, r => r.Attended is null);
        Assert.Equal(events.Rows.Sum(r => r.RevenueCents), events.RevenueCents);
        Assert.Equal(events.Registrations, events.ByKind.Sum(k => k.Registrations));
    }

    [Fact]
    public void Alerts_count_sent_and_failed_by_channel_distinct_coordinators_reached_and_reminders()
    {
        var sends = new List<SendRecord>
        {
            new("call-new", "Email", "Sent", "p1", DateTimeOffset.UnixEpoch),
            new("call-new", "Email", "Failed", "p2", DateTimeOffset.UnixEpoch),
            new("call-reminder", "TenantEmail", "Sent", "p1", DateTimeOffset.UnixEpoch),
            new("digest", "Email", "Sent", "p3", DateTimeOffset.UnixEpoch),
            new("ticket-confirmation", "Email", "Sent", "p4", DateTimeOffset.UnixEpoch),
            new("teams-new-call", "Teams", "Pending", "channel", DateTimeOffset.UnixEpoch),
        };

        var figures = AnnualReportCalculator.Alerts(SendTotals.Of(sends))!;

        Assert.Equal(4, figures.Sent);
        Assert.Equal(1, figures.Failed);
        Assert.Equal(2, figures.CoordinatorsReached);
        Assert.Equal(1, figures.RemindersSent);
        Assert.Equal(1, figures.CallAlertsSent);
        var email = figures.ByChannel.Single(c => c.Channel == "Email");
        Assert.Equal((3, 1, 0), (email.Sent, email.Failed, email.Other));
        Assert.Equal(1, figures.ByChannel.Single(c => c.Channel == "Teams").Other);
    }

    [Fact]
    public void Month_totals_summed_give_the_figures_of_the_rows_and_a_coordinator_reached_twice_counts_once()
    {
        var january = new List<SendRecord>
        {
            new("call-new", "Email", "Sent", "p1", DateTimeOffset.UnixEpoch),
            new("call-new", "Email", "Failed", "p2", DateTimeOffset.UnixEpoch),
            new("digest", "Email", "Sent", "p3", DateTimeOffset.UnixEpoch),
        };
        var february = new List<SendRecord>
        {
            new("call-new", "Email", "Sent", "p1", DateTimeOffset.UnixEpoch),
            new("call-reminder", "TenantEmail", "Sent", "p2", DateTimeOffset.UnixEpoch),
            new("ticket-confirmation", "Email", "Sent", "p9", DateTimeOffset.UnixEpoch),
        };

        var summed = AnnualReportCalculator.Alerts(SendTotals.Sum([SendTotals.Of(january), SendTotals.Of(february)]))!;
        var whole = AnnualReportCalculator.Alerts(SendTotals.Of(january.Concat(february)))!;

        Assert.Equal(3, summed.CoordinatorsReached); // p1 in both months, p2 reached only in February, p9 not by an alert
        Assert.Equal((whole.Planned, whole.Sent, whole.Failed, whole.CoordinatorsReached, whole.CallAlertsSent, whole.RemindersSent),
            (summed.Planned, summed.Sent, summed.Failed, summed.CoordinatorsReached, summed.CallAlertsSent, summed.RemindersSent));
        Assert.Equal(whole.ByChannel, summed.ByChannel);
        Assert.Equal(whole.ByKind, summed.ByKind);
        Assert.Equal(2, summed.ByKind.Single(k => k.Code == "call-new").Count);
        Assert.All(SendTotals.Of(january).AlertRecipients, r => Assert.Equal(SendTotals.RecipientDigestLength, r.Length)); // digests, not ids
    }

    [Fact]
    public void An_empty_year_or_a_missing_capability_gives_no_section_and_the_headlines_say_aucune_donnee()
    {
        var report = AnnualReportCalculator.Compute(2030, "AVECsanté Bretagne", DateTimeOffset.UnixEpoch, new ReportData { Structures = [], Cotisations = [], Calls = [] });

        Assert.Null(report.Current.Members);
        Assert.Null(report.Current.Events);
        Assert.Null(report.Current.Calls);
        Assert.Null(report.Current.Alerts);
        Assert.All(ReportHeadlines.For(report), h => Assert.Equal(FrenchFormat.NoData, h.Current));
        Assert.Contains("Aucune donnée", Assert.Single(ReportHeadlines.KeyMessages(report)), StringComparison.Ordinal);
    }

    [Fact]
    public void French_formats_use_spaces_commas_and_the_percent_sign_as_a_french_reader_expects()
    {
        Assert.Equal("1\u202F234", FrenchFormat.Number(1234));
        Assert.Equal("12,5\u00A0%", FrenchFormat.Share(0.125));
        Assert.Equal("22 jours", FrenchFormat.Days(22));
        Assert.Equal("22,5 jours", FrenchFormat.Days(22.5));
        Assert.Equal("15 janvier 2027", FrenchFormat.Date(new DateOnly(2027, 1, 15)));
        Assert.Equal("+50\u00A0%", FrenchFormat.Change(150, 100));
        Assert.Equal("—", FrenchFormat.Change(150, null));
    }
}
