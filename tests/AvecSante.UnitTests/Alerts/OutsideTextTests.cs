using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.UnitTests.Alerts;

/// <summary>Text from a source cannot pull a recipient's tokens into itself, nor put a disguised link in Teams.</summary>
public sealed class OutsideTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly CallForProjects Poisoned = new()
    {
        Id = "c1",
        Title = "Appel %%prenom%% : [Cliquez ici](https://evil.example.net/login)",
        Funder = "ARS Bretagne %%raison%%",
        Source = "some-feed",
        Url = new Uri("https://example.org/appel"),
        Deadline = new DateTimeOffset(2027, 1, 14, 11, 0, 0, TimeSpan.Zero),
        Summary = "Déposez ici : https://evil.example.net/d?u=%%lien_desabonnement%% et <https://evil.example.net/p?%%lien_preferences%%>",
    };

    private static readonly Person Yann = new() { Id = "p1", FirstName = "Yann", LastName = "Exemple", Email = "yann@example.org" };

    private static Dictionary<string, string> TokensOf(Person person)
    {
        var links = new SignedLinks(new LinkSettings("a-test-key-a-test-key-a-test-key-0000"u8.ToArray(), new Uri("https://alertes.example.org/"), TimeSpan.FromDays(90)), new FakeTimeProvider(Now));
        return EmailTokens.For(person, "thème Santé mentale", links);
    }

    public static TheoryData<string> Templates() => ["new", "changed", "reminder", "digest"];

    private static EmailContent Template(string kind) => kind switch
    {
        "new" => NewCallAlertComposer.Template(Poisoned, Now, []),
        "changed" => CallChangedComposer.Template(Poisoned, new CallChangeMeaning(CallChangeKind.DeadlineMoved, null), Now),
        "reminder" => ReminderComposer.Template(Poisoned, 7, Now),
        _ => DigestComposer.Template([Poisoned], [Poisoned], new DateOnly(2026, 11, 23), Now),
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_calls_text_spelling_tokens_gets_no_recipients_name_or_signed_link_inside_it(string kind)
    {
        var tokens = TokensOf(Yann);
        var email = Template(kind).Render(tokens);

        Assert.DoesNotContain("Yann", email.Subject, StringComparison.Ordinal);
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("d?u=https://alertes.example.org", body, StringComparison.Ordinal);
            Assert.DoesNotContain("p?https://alertes.example.org", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Appel Yann", body, StringComparison.Ordinal);
        }
        // The template sent to SendGrid carries only the layout's own tokens.
        var template = Template(kind);
        Assert.DoesNotContain("%%", template.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailTokens.UnsubscribeUrl, template.TextBody + template.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teams_card_shows_a_sources_markdown_link_as_text()
    {
        var card = TeamsCard.ForNewCall(Poisoned, Now);

        var texts = JsonDocument.Parse(card).RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")
            .EnumerateArray().Where(b => b.TryGetProperty("text", out _)).Select(b => b.GetProperty("text").GetString()!).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("](", StringComparison.Ordinal) || t.Contains("<https://", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Cliquez ici", StringComparison.Ordinal));
    }
}
