namespace AvecSante.Core.Reports;

/// <summary>One headline indicator: its label, its value in N and N-1 (formatted), raw values for the JSON and the change.</summary>
public sealed record Headline(string Ambition, string Label, string Current, string Previous, double? CurrentValue, double? PreviousValue, string Change);

/// <summary>The few figures the one-page summary, the email and the JSON summary lead with.</summary>
public static class ReportHeadlines
{
    public static readonly IReadOnlyList<(int Number, string Title, string Short)> Ambitions =
    [
        (1, "Consolider et sécuriser le développement des MSP bretonnes", "Développement des MSP"),
        (2, "Améliorer la qualité et la maturité de l'exercice coordonné", "Qualité de l'exercice coordonné"),
        (3, "Fédérer les acteurs", "Fédérer les acteurs"),
        (4, "Représenter et porter la voix des MSP", "Représenter les MSP"),
    ];

    public static IReadOnlyList<Headline> For(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (n, p) = (report.Current, report.Previous);
        var list = new List<Headline>();
        void Add(int ambition, string label, Func<YearFigures, double?> value, Func<double, string> format, bool share = false)
        {
            var now = value(n);
            var before = value(p);
            // A share moves in points (81 % → 83 % is +2 pt), a count or an amount in percent.
            var change = share ? FrenchFormat.PointsChange(now, before) : FrenchFormat.Change(now, before);
            list.Add(new Headline(Ambitions[ambition - 1].Short, label, now is { } a ? format(a) : FrenchFormat.NoData, before is { } b ? format(b) : FrenchFormat.NoData, now, before, change));
        }
        static string Int(double v) => FrenchFormat.Number((long)Math.Round(v));

        Add(1, "Structures adhérentes", y => y.Members?.MemberCount, Int);
        Add(1, "Nouvelles adhésions", y => y.Members?.New, Int);
        Add(1, "MSP adhérentes signataires de l'ACI", y => y.Members?.AciShare, v => FrenchFormat.Share(v), share: true);
        Add(1, "Cotisations encaissées", y => (double?)y.Members?.CotisationsCollected, v => FrenchFormat.Euros((decimal)v));
        Add(1, "Alertes « nouvel appel » envoyées", y => y.Alerts?.CallAlertsSent, Int);
        Add(1, "Coordinateurs et coordinatrices joints", y => y.Alerts?.CoordinatorsReached, Int);
        Add(2, "Fiches de capitalisation recueillies", y => y.Documents?.SheetCount, Int);
        Add(3, "Événements organisés", y => y.Events?.EventCount, Int);
        Add(3, "Inscriptions", y => y.Events?.Registrations, Int);
        Add(3, "Taux de présence", y => y.Events?.AttendanceRate, v => FrenchFormat.Share(v), share: true);
        Add(4, "Appels à projets recensés", y => y.Calls?.CallCount, Int);
        Add(4, "Délai de réponse médian", y => y.Calls?.Windows.Median, v => FrenchFormat.Days(v));
        Add(4, "Appels laissant moins de 30 jours", y => y.Calls?.Windows.ShareUnder30, v => FrenchFormat.Share(v), share: true);
        Add(4, "Appels laissant moins de 21 jours", y => y.Calls?.Windows.ShareUnder21, v => FrenchFormat.Share(v), share: true);
        return list;
    }

    /// <summary>Three or four sentences a board member reads first.</summary>
    public static IReadOnlyList<string> KeyMessages(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var y = report.Current;
        var messages = new List<string>();
        if (y.Members is { } m)
        {
            messages.Add($"{FrenchFormat.Number(m.MemberCount)} structures adhérentes en {y.Year}, dont {FrenchFormat.Number(m.New)} nouvelles ; " +
                $"{FrenchFormat.Share(m.AciShare)} des MSP adhérentes sont signataires de l'ACI.");
        }
        if (y.Calls is { Windows.Count: > 0 } c)
        {
            messages.Add($"Les financeurs ont laissé aux équipes un délai médian de {FrenchFormat.Days(c.Windows.Median)} pour répondre à leurs appels à projets ; " +
                $"{FrenchFormat.Share(c.Windows.ShareUnder30)} des appels laissaient moins de 30 jours et {FrenchFormat.Share(c.Windows.ShareUnder21)} moins de trois semaines.");
        }
        else if (y.Calls is { } c2)
        {
            messages.Add($"{FrenchFormat.Number(c2.CallCount)} appels à projets recensés en {y.Year}.");
        }
        if (y.Alerts is { } a)
        {
            messages.Add($"{FrenchFormat.Number(a.CallAlertsSent)} alertes sur de nouveaux appels et {FrenchFormat.Number(a.RemindersSent)} rappels ont atteint {FrenchFormat.Number(a.CoordinatorsReached)} coordinateurs et coordinatrices.");
        }
        if (y.Events is { } e)
        {
            messages.Add($"{FrenchFormat.Number(e.EventCount)} événements ont réuni {FrenchFormat.Number(e.Registrations)} inscrits" +
                (e.AttendanceRate is { } rate ? $", avec un taux de présence de {FrenchFormat.Share(rate)}." : "."));
        }
        if (y.Documents is { } d)
        {
            messages.Add($"{FrenchFormat.Number(d.SheetCount)} fiches de capitalisation ont rejoint la bibliothèque partagée.");
        }
        if (messages.Count == 0)
        {
            messages.Add($"Aucune donnée n'est encore enregistrée pour {y.Year} dans le système d'information de la fédération.");
        }
        return messages;
    }
}
