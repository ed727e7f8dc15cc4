using AvecSante.Core.Common;
using AvecSante.Core.Reports;
using DocumentFormat.OpenXml.Wordprocessing;
using F = AvecSante.Core.Reports.FrenchFormat;

namespace AvecSante.Infrastructure.Reports;

/// <summary>
/// The yearly activity report as an editable Word document: cover, table of contents, one-page summary, one section per
/// ambition of the projet associatif 2026-2031 with its figures, tables and charts, then the method. All in French.
/// </summary>
public static class AnnualReportWordWriter
{
    private const int MaxTableRows = 15;

    public static byte[] Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var doc = new WordDocumentBuilder($"Rapport d'activité {report.Year} — {report.FederationName}");
        var parts = new Parts(report, doc);
        parts.Cover();

        // Table of contents (filled once every heading is known). Every part starts a page: Heading1 has pageBreakBefore,
        // so no empty page appears when a part ends at the bottom of one.
        doc.Paragraph("Sommaire", "TOCHeading");
        var tocAnchor = doc.Marker();

        parts.Summary();
        parts.Members();
        parts.Capitalisation();
        parts.Events();
        parts.Calls();
        parts.Method();
        doc.TableOfContents(tocAnchor);
        return doc.Finish($"Rapport d'activité {report.Year} — {report.FederationName}");
    }

    /// <summary>The document's parts in order; tables and figures are numbered across them.</summary>
    private sealed class Parts(AnnualReport report, WordDocumentBuilder doc)
    {
        private readonly int _year = report.Year;
        private readonly YearFigures _current = report.Current;
        private readonly YearFigures _previous = report.Previous;
        private int _table = 2;
        private int _figure = 1;

        /// <summary>The cover page.</summary>
        public void Cover()
        {
            doc.Paragraph($"Rapport d'activité {_year}", "Title");
            doc.Paragraph(report.FederationName, "Subtitle");
            doc.Paragraph("Fédération des maisons de santé pluriprofessionnelles de Bretagne", "Subtitle");
            doc.Spacer(48);
            doc.Paragraph($"Présenté au conseil d'administration et à l'assemblée générale. Document de travail compilé le {F.Date(DateOnly.FromDateTime(ParisTime.ToParis(report.CompiledAt).DateTime))} " +
                "à partir du système d'information de la fédération : les chiffres sont à jour à cette date, le texte est à compléter par l'équipe.");
            doc.Paragraph("Les quatre parties suivent les ambitions du projet associatif 2026-2031.");
        }

        /// <summary>One-page summary: the key messages and Tableau 1.</summary>
        public void Summary()
        {
            doc.Heading(1, "Synthèse de l'année");
            foreach (var message in ReportHeadlines.KeyMessages(report))
            {
                doc.Bullet(message);
            }
            doc.Spacer(6);
            var headlines = ReportHeadlines.For(report);
            doc.Table(
                ["Ambition", "Indicateur", _year.ToString(F.Culture), (_year - 1).ToString(F.Culture), "Évolution"],
                headlines.Select(h => (IReadOnlyList<string>)[h.Ambition, h.Label, h.Current, h.Previous, h.Change]).ToList(),
                [2.3, 3.6, 1.75, 1.75, 1.1], [false, false, true, true, true],
                $"Tableau 1 — Les chiffres clés de {_year}, comparés à {_year - 1}.");
        }

        /// <summary>Ambition 1: members and the calls watch that serves them.</summary>
        public void Members()
        {
            doc.Heading(1, "1. " + ReportHeadlines.Ambitions[0].Title);
            doc.Heading(2, "Le réseau des structures adhérentes");
            if (_current.Members is not { } m)
            {
                NoData(doc, _year, "aucune adhésion ni cotisation payée n'est enregistrée pour cette année");
            }
            else
            {
                doc.Paragraph($"En {_year}, {F.Number(m.MemberCount)} structures ont payé leur cotisation" +
                    (_previous.Members is { } pm ? $" ({F.Number(pm.MemberCount)} en {_year - 1})" : string.Empty) +
                    $". {F.Number(m.New)} ont adhéré pour la première fois et {F.Number(m.Lapsed)} n'ont pas renouvelé leur adhésion. " +
                    $"{F.Number(m.AciSignatories)} des {F.Number(m.MspMembers)} MSP adhérentes sont signataires de l'ACI, soit {F.Share(m.AciShare)}.");
                doc.Table(["Type de structure", _year.ToString(F.Culture), (_year - 1).ToString(F.Culture)],
                    m.ByKind.Select(k => (IReadOnlyList<string>)[k.Label, F.Number(k.Count), Previous(_previous.Members?.ByKind, k.Code)]).ToList(),
                    [6, 1.5, 1.5], [false, true, true], $"Tableau {_table++} — Structures adhérentes par type.");
                doc.Table(["Département", _year.ToString(F.Culture), (_year - 1).ToString(F.Culture)],
                    m.ByDepartment.Select(k => (IReadOnlyList<string>)[k.Label, F.Number(k.Count), Previous(_previous.Members?.ByDepartment, k.Code)]).ToList(),
                    [6, 1.5, 1.5], [false, true, true], $"Tableau {_table++} — Structures adhérentes par département.");
                var chart = ReportCharts.CompareYears("Structures adhérentes par département", "structures",
                    m.ByDepartment.Select(d => d.Label).ToList(), m.ByDepartment.Select(d => (double)d.Count).ToList(),
                    m.ByDepartment.Select(d => (double)(_previous.Members?.ByDepartment.FirstOrDefault(x => x.Code == d.Code)?.Count ?? 0)).ToList(), _year,
                    $"Histogramme des structures adhérentes par département en {_year}" + (_previous.Members is null ? "" : $" et {_year - 1}") + " : " +
                    string.Join(", ", m.ByDepartment.Select(d => $"{d.Label} {d.Count}")) + ".");
                doc.Image(chart.Png, chart.Width, chart.Height, "adherents-par-departement", chart.AltText, $"Figure {_figure++} — Structures adhérentes par département.");
                doc.Heading(2, "Les cotisations");
                doc.Paragraph($"Les cotisations encaissées pour {_year} s'élèvent à {F.Euros(m.CotisationsCollected)}" +
                    (_previous.Members is { } pm2 ? $" ({F.Euros(pm2.CotisationsCollected)} en {_year - 1})" : string.Empty) +
                    $", dont {F.Euros(m.NationalShare)} reversés à AVECsanté national.");
            }

            doc.Heading(2, "La veille des appels à projets et les alertes");
            if (_current.Alerts is not { } a)
            {
                NoData(doc, _year, "aucun envoi n'est enregistré dans la file d'envoi pour cette année");
            }
            else
            {
                doc.Paragraph($"{F.Number(a.CallAlertsSent)} alertes « nouvel appel » et {F.Number(a.RemindersSent)} rappels avant échéance ont été envoyés ; " +
                    $"{F.Number(a.CoordinatorsReached)} coordinateurs et coordinatrices ont reçu au moins une alerte. " +
                    $"Sur {F.Number(a.Planned)} envois prévus, {F.Number(a.Sent)} sont partis et {F.Number(a.Failed)} ont échoué.");
                doc.Table(["Canal", "Envoyés", "Échecs", "En attente ou annulés"],
                    a.ByChannel.Select(c => (IReadOnlyList<string>)[c.Label, F.Number(c.Sent), F.Number(c.Failed), F.Number(c.Other)]).ToList(),
                    [5, 1.5, 1.5, 2], [false, true, true, true], $"Tableau {_table++} — Envois par canal.");
                doc.Table(["Type d'envoi", "Envoyés"],
                    a.ByKind.Select(k => (IReadOnlyList<string>)[k.Label, F.Number(k.Count)]).ToList(),
                    [6, 2], [false, true], $"Tableau {_table++} — Envois réussis par type.");
            }
        }

        /// <summary>Ambition 2: capitalisation.</summary>
        public void Capitalisation()
        {
            doc.Heading(1, "2. " + ReportHeadlines.Ambitions[1].Title);
            doc.Heading(2, "La capitalisation des expériences");
            if (_current.Documents is not { } d)
            {
                NoData(doc, _year, "aucune fiche de capitalisation n'a été déposée dans la bibliothèque cette année");
            }
            else
            {
                doc.Paragraph($"{F.Number(d.SheetCount)} fiches de capitalisation ont été recueillies en {_year}" +
                    (_previous.Documents is { } pd ? $" ({F.Number(pd.SheetCount)} en {_year - 1})" : string.Empty) +
                    ". Elles permettent aux équipes de trouver, par thème, les freins, les leviers et ce qui se transfère d'un projet mené ailleurs.");
                doc.Table(["Thème", "Fiches"], Top(d.ByTheme).Select(t => (IReadOnlyList<string>)[t.Label, F.Number(t.Count)]).ToList(),
                    [6, 2], [false, true], $"Tableau {_table++} — Fiches de capitalisation par thème (une fiche peut relever de plusieurs thèmes).");
                if (d.ByTheme.Count > 1)
                {
                    var top = Top(d.ByTheme).ToList();
                    var chart = ReportCharts.Ranking("Fiches de capitalisation par thème", "fiches", top.Select(t => t.Label).ToList(), top.Select(t => (double)t.Count).ToList(),
                        $"Barres horizontales des fiches de capitalisation par thème en {_year} : " + string.Join(", ", top.Select(t => $"{t.Label} {t.Count}")) + ".");
                    doc.Image(chart.Png, chart.Width, chart.Height, "fiches-par-theme", chart.AltText, $"Figure {_figure++} — Fiches de capitalisation par thème.");
                }
            }
        }

        /// <summary>Ambition 3: events.</summary>
        public void Events()
        {
            doc.Heading(1, "3. " + ReportHeadlines.Ambitions[2].Title);
            doc.Heading(2, "Les journées régionales et les rencontres");
            if (_current.Events is not { } e)
            {
                NoData(doc, _year, "aucun événement n'est enregistré dans la billetterie pour cette année");
            }
            else
            {
                doc.Paragraph($"{F.Number(e.EventCount)} événements ont rassemblé {F.Number(e.Registrations)} inscrits" +
                    (_previous.Events is { } pe ? $" ({F.Number(pe.Registrations)} en {_year - 1})" : string.Empty) +
                    (e.AttendanceRate is { } rate ? $", avec un taux de présence de {F.Share(rate)}" : ", la présence n'ayant pas été relevée") +
                    $". Les recettes de billetterie s'élèvent à {F.EurosFromCents(e.RevenueCents)}." +
                    (e.Waitlisted > 0 ? $" {F.Number(e.Waitlisted)} personnes sont restées sur liste d'attente." : string.Empty));
                doc.Table(["Type d'événement", "Événements", "Inscrits", "Présence", "Recettes"],
                    e.ByKind.Select(k => (IReadOnlyList<string>)[k.Label, F.Number(k.Events), F.Number(k.Registrations), F.Share(k.AttendanceRate), F.EurosFromCents(k.RevenueCents)]).ToList(),
                    [4.6, 1.5, 1.4, 1.4, 1.6], [false, true, true, true, true], $"Tableau {_table++} — Événements par type.");
                doc.Table(["Date", "Événement", "Inscrits", "Présents", "Recettes"],
                    e.Rows.Take(MaxTableRows * 2).Select(r => (IReadOnlyList<string>)[F.ShortDate(r.Date), r.Title, F.Number(r.Registrations), r.Attended is { } at ? F.Number(at) : "—", F.EurosFromCents(r.RevenueCents)]).ToList(),
                    [1.6, 5, 1.2, 1.2, 1.5], [false, false, true, true, true],
                    $"Tableau {_table++} — Les événements de l'année" + (e.Rows.Count > MaxTableRows * 2 ? " (les premiers ; la liste complète est dans l'annexe Excel)." : "."));
            }
        }

        /// <summary>Ambition 4: calls and the answer windows.</summary>
        public void Calls()
        {
            doc.Heading(1, "4. " + ReportHeadlines.Ambitions[3].Title);
            doc.Heading(2, "Les appels à projets recensés");
            if (_current.Calls is not { } c)
            {
                NoData(doc, _year, "aucun appel à projets n'a été recensé pour cette année");
            }
            else
            {
                doc.Paragraph($"La veille de la fédération a recensé {F.Number(c.CallCount)} appels à projets, à candidatures ou à manifestation d'intérêt publiés en {_year}" +
                    (_previous.Calls is { } pc ? $" ({F.Number(pc.CallCount)} en {_year - 1})" : string.Empty) + ".");
                doc.Table(["Financeur", "Appels"], Top(c.ByFunder).Select(f => (IReadOnlyList<string>)[f.Label, F.Number(f.Count)]).ToList(),
                    [6, 2], [false, true], $"Tableau {_table++} — Appels par financeur" + (c.ByFunder.Count > MaxTableRows ? " (les plus fréquents ; les autres sont regroupés)." : "."));
                doc.Table(["Thème", "Appels"], Top(c.ByTheme).Select(f => (IReadOnlyList<string>)[f.Label, F.Number(f.Count)]).ToList(),
                    [6, 2], [false, true], $"Tableau {_table++} — Appels par thème (un appel peut relever de plusieurs thèmes).");

                doc.Heading(2, "Des délais de réponse trop courts");
                if (c.Windows.Count == 0)
                {
                    doc.Paragraph("Aucune donnée : aucun appel de l'année n'indique à la fois sa date de publication et sa date limite.");
                }
                else
                {
                    doc.Paragraph($"Entre la publication d'un appel et sa date limite, les équipes ont disposé d'un délai médian de {F.Days(c.Windows.Median)} " +
                        $"(de {F.Days(c.Windows.Shortest)} à {F.Days(c.Windows.Longest)}). {F.Share(c.Windows.ShareUnder30)} des appels laissaient moins de 30 jours " +
                        $"et {F.Share(c.Windows.ShareUnder21)} moins de trois semaines pour écrire un projet en équipe pluriprofessionnelle." +
                        (_previous.Calls is { Windows.Count: > 0 } pw ? $" En {_year - 1}, le délai médian était de {F.Days(pw.Windows.Median)} et {F.Share(pw.Windows.ShareUnder30)} des appels laissaient moins de 30 jours." : string.Empty));
                    if (c.WithoutWindow > 0)
                    {
                        doc.Paragraph($"{F.Number(c.WithoutWindow)} appels au fil de l'eau ou sans date connue ne sont pas comptés dans ces délais.");
                    }
                    var distribution = ReportCharts.CompareYears("Délai entre publication et date limite", "appels",
                        c.Windows.Distribution.Select(b => b.Label).ToList(), c.Windows.Distribution.Select(b => (double)b.Count).ToList(),
                        _previous.Calls is { Windows.Count: > 0 } pd2 ? pd2.Windows.Distribution.Select(b => (double)b.Count).ToList() : null, _year,
                        $"Histogramme du nombre d'appels par délai de réponse en {_year} : " + string.Join(", ", c.Windows.Distribution.Select(b => $"{b.Label} {b.Count}")) +
                        $". Délai médian {F.Days(c.Windows.Median)}.");
                    doc.Image(distribution.Png, distribution.Width, distribution.Height, "delais-de-reponse", distribution.AltText, $"Figure {_figure++} — Répartition des appels par délai de réponse.");

                    var funders = c.WindowsByFunder.Take(MaxTableRows).ToList();
                    doc.Table(["Financeur", "Appels", "Médiane", "Plus court", "Plus long", "< 21 j", "< 30 j"],
                        funders.Select(f => (IReadOnlyList<string>)[f.Funder, F.Number(f.Windows.Count), F.Days(f.Windows.Median), F.Days(f.Windows.Shortest), F.Days(f.Windows.Longest), F.Share(f.Windows.ShareUnder21), F.Share(f.Windows.ShareUnder30)]).ToList(),
                        [3.4, 1, 1.3, 1.3, 1.3, 1.1, 1.1], [false, true, true, true, true, true, true],
                        $"Tableau {_table++} — Délais de réponse par financeur" + (c.WindowsByFunder.Count > MaxTableRows ? " (les plus fréquents ; tous dans l'annexe Excel)." : "."));
                    var ranked = funders.Where(f => f.Windows.Median is not null).OrderBy(f => f.Windows.Median).Take(10).ToList();
                    if (ranked.Count > 1)
                    {
                        var medians = ReportCharts.Ranking("Délai médian de réponse par financeur", "jours", ranked.Select(f => f.Funder).ToList(), ranked.Select(f => f.Windows.Median!.Value).ToList(),
                            "Barres horizontales du délai médian de réponse par financeur, du plus court au plus long : " + string.Join(", ", ranked.Select(f => $"{f.Funder} {F.Days(f.Windows.Median)}")) + ".",
                            v => F.Days(v));
                        doc.Image(medians.Png, medians.Width, medians.Height, "delai-median-par-financeur", medians.AltText, $"Figure {_figure++} — Délai médian par financeur (du plus court au plus long).");
                    }
                }
            }
        }

        /// <summary>Method and sources.</summary>
        public void Method()
        {
            doc.Heading(1, "Méthode et sources");
            doc.Bullet("Adhérents : structures ayant payé la cotisation de l'année ; une nouvelle adhésion n'a jamais été payée auparavant ; une structure non renouvelée avait payé l'année précédente mais pas celle-ci, ou a quitté la fédération dans l'année.");
            doc.Bullet("Part ACI : MSP adhérentes signataires de l'accord conventionnel interprofessionnel, rapportées à l'ensemble des MSP adhérentes.");
            doc.Bullet("Événements : journées dont la date tombe dans l'année (heure de Paris) ; inscrits = billets confirmés ; taux de présence calculé sur les seuls événements où la présence a été relevée ; recettes = montants des billets confirmés.");
            doc.Bullet("Appels à projets : appels publiés dans l'année (à défaut, reçus dans l'année) ; délai de réponse = jours entre la date de publication et la date limite (heure de Paris) ; les appels au fil de l'eau ne sont pas comptés dans les délais.");
            doc.Bullet("Alertes : messages créés dans l'année dans la file d'envoi, tous canaux ; un coordinateur joint a reçu au moins une alerte, un rappel ou un récapitulatif.");
            doc.Bullet("Capitalisation : fiches déposées dans la bibliothèque pendant l'année, hors corbeille.");
            doc.Paragraph("Les tableaux complets figurent dans l'annexe Excel jointe. « Aucune donnée » signifie que le système d'information ne contient rien pour la période, pas que l'activité n'a pas eu lieu.");
        }
    }

    private static void NoData(WordDocumentBuilder doc, int year, string why) =>
        doc.Paragraph($"{F.NoData} pour {year} : {why}.", bold: false);

    private static string Previous(IReadOnlyList<CountRow>? rows, string code) =>
        rows is null ? "—" : F.Number(rows.FirstOrDefault(r => r.Code == code)?.Count ?? 0);

    /// <summary>The most frequent rows, the rest summed in one "Autres" row, so a table never runs over pages.</summary>
    private static IEnumerable<CountRow> Top(IReadOnlyList<CountRow> rows)
    {
        if (rows.Count <= MaxTableRows)
        {
            return rows;
        }
        var head = rows.Take(MaxTableRows - 1).ToList();
        head.Add(new CountRow("autres", $"Autres ({rows.Count - head.Count})", rows.Skip(head.Count).Sum(r => r.Count)));
        return head;
    }
}
