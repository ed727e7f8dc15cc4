using AvecSante.Core.Calls;
using AvecSante.Core.Notifications;
using AvecSante.Core.People;

namespace AvecSante.UnitTests.Notifications;

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
}
