using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;

namespace AvecSante.UnitTests.Alerts;

public sealed class NewCallAlertComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_deadline_is_told_in_French_with_its_weekday_Paris_time_and_days_left()
    {
        var text = NewCallAlertComposer.DescribeDeadline(new DateTimeOffset(2027, 1, 8, 17, 0, 0, TimeSpan.Zero), Now);

        Assert.Equal("vendredi 8 janvier 2027 à 18:00 (heure de Paris), dans 46 jours", text);
    }

    [Fact]
    public void A_rolling_call_says_it_has_no_deadline()
    {
        Assert.StartsWith("pas de date limite", NewCallAlertComposer.DescribeDeadline(null, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void The_email_has_a_text_and_an_escaped_accessible_html_part_in_French()
    {
        var call = new CallForProjects
        {
            Id = "c1",
            Title = "Santé <mentale> & jeunes",
            Funder = "ARS Bretagne",
            Source = "manual",
            Url = new Uri("https://example.org/appel?a=1&b=2"),
            Deadline = new DateTimeOffset(2026, 12, 14, 11, 0, 0, TimeSpan.Zero),
        };
        var person = new Person { Id = "p1", FirstName = "Yann", LastName = "Exemple", Email = "yann@example.org" };

        var email = NewCallAlertComposer.Compose(call, person, new MatchReason(["sante-mentale"], "22", null), Now);

        Assert.Equal("yann@example.org", email.ToAddress);
        Assert.Equal("Nouvel appel (ARS Bretagne) : Santé <mentale> & jeunes — avant le 14/12", email.Subject);
        Assert.Contains("Bonjour Yann,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous recevez cet appel car : thème Santé mentale, Côtes-d'Armor.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1>Santé &lt;mentale&gt; &amp; jeunes</h1>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/appel?a=1&amp;b=2\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_opens_the_call_in_the_space_and_links_each_related_sheet_there()
    {
        var call = new CallForProjects { Id = "c-42", Title = "Appel fictif", Funder = "CPAM 29", Source = "manual", Themes = ["addictions"] };
        var sheet = new AvecSante.Core.Documents.DocumentSummary
        {
            Id = "d-7",
            Title = "Souffle libre",
            Kind = "fiche-capitalisation",
            Structure = "MSP fictive",
            Year = 2025,
            VersionCount = 1,
            ContentType = "application/pdf",
            FileName = "f.pdf",
            Size = 1,
            Sha256 = "x",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var links = new SignedLinks(new LinkSettings(new byte[32], new Uri("https://alertes.example.org/"), TimeSpan.FromDays(9)), TimeProvider.System);
        var person = new Person { Id = "p1", FirstName = "Yann", LastName = "Exemple", Email = "yann@example.org" };

        var email = NewCallAlertComposer.Template(call, Now, [sheet]).Render(EmailTokens.For(person, "thème Addictions", links));

        Assert.Contains("Dans l'espace des coordinateurs : https://alertes.example.org/api/espace/appels/c-42", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("- « Souffle libre » — MSP fictive, 2025 : https://alertes.example.org/api/espace/bibliotheque/d-7", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://alertes.example.org/api/espace/appels/c-42\">Voir l&#39;appel dans l&#39;espace des coordinateurs</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://alertes.example.org/api/espace/bibliotheque/d-7\">« Souffle libre »</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("%%", email.HtmlBody + email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_and_the_digest_open_each_call_in_the_space()
    {
        var call = new CallForProjects { Id = "c-42", Title = "Appel fictif", Funder = "CPAM 29", Source = "manual", Deadline = Now.AddDays(7) };

        var reminder = ReminderComposer.Template(call, 7, Now);
        var digest = DigestComposer.Template([call], [call], new DateOnly(2026, 11, 23), Now);

        Assert.Contains(EmailTokens.SpaceUrl + "/appels/c-42", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + EmailTokens.SpaceUrl + "/appels/c-42\"", reminder.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(EmailTokens.SpaceUrl + "/appels/c-42", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + EmailTokens.SpaceUrl + "/appels/c-42\"", digest.HtmlBody, StringComparison.Ordinal);
    }
}
