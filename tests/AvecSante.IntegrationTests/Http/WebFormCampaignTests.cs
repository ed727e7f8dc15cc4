using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AvecSante.Api.Console;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Core.Space;
using AvecSante.IntegrationTests.Alerts;
using AvecSante.IntegrationTests.Space;
using AvecSante.IntegrationTests.Support;
using AvecSante.IntegrationTests.Ticketing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Http;

/// <summary>
/// The bad-input campaign behind the sign-ins: every form the console's pages offer (found by following the pages'
/// own links from Aujourd'hui, over a call, a held call, a structure, a person, an event and a failed send), and every
/// form of the coordinators' space (its sign-in page, then a coordinator's pages), sent back signed with the session's
/// token and with its fields holding odd values, all at once and one at a time. A refusal is a 4xx page in French, a
/// success a redirect; never a 5xx.
/// </summary>
public sealed class WebFormCampaignTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static readonly string[] OddValues =
    [
        "", "   ", new string('a', 5000), "\u0000\u0001\u001b\ufffe", "../../../etc/passwd", "2027-13-45", "2027-02-30T25:61",
        "-1", "1e309", "99999999999999999999", "<script>alert(1)</script>", "%%prenom%%", "\u202eevil", "NaN",
        "0000-01-01", "9999-12-31T23:59", "x@", "on", "true", "12,5,3", "🙂",
    ];

    /// <summary>Odd enough to reach each field's own rule, few enough to try on every field alone.</summary>
    private static readonly string[] OneFieldValues = ["", new string('é', 3000), "\u0000", "2027-02-30", "-1"];

    private sealed record PostForm(string Page, string Action, bool Multipart, IReadOnlyList<(string Name, string Value, bool Hidden, bool File)> Fields);

    [Fact]
    public async Task No_console_form_answers_5xx_whatever_its_fields_hold()
    {
        await SeedAsync();
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(client);
        var forms = await CrawlAsync(client, ConsoleNavigation.Today, ConsoleNavigation.SignOut);
        var (failures, statuses) = await CampaignAsync(client, forms);

        Assert.True(forms.Count >= 15, $"only {forms.Count} forms found: " + string.Join(", ", forms.Select(f => f.Action)));
        Assert.Contains(statuses, s => s is 303); // some went through to their use case
        Assert.Contains(statuses, s => s is 400 or 409 or 422); // and some were refused by it
        Assert.True(failures.Count == 0, $"{failures.Count} of {statuses.Count} console forms answered 5xx:\n" + string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public async Task No_form_of_the_coordinators_space_answers_5xx_whatever_its_fields_hold_signed_in_or_not()
    {
        using var anonymous = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signInForms = await CrawlAsync(anonymous, SpaceSignInPage, SpaceSignOut);
        var (anonymousFailures, anonymousStatuses) = await CampaignAsync(anonymous, signInForms);

        using var coordinator = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await EnterSpaceAsync(coordinator, "katell.exemple@example.org");
        var forms = await CrawlAsync(coordinator, SpaceBoard, SpaceSignOut);
        var (failures, statuses) = await CampaignAsync(coordinator, forms);

        Assert.Contains(signInForms, f => f.Action == SpaceSignInPage);
        Assert.True(forms.Count >= 3, $"only {forms.Count} forms found: " + string.Join(", ", forms.Select(f => f.Action)));
        Assert.Contains(forms, f => f.Action.StartsWith("/api/preferences/", StringComparison.Ordinal)); // reached from the space's link
        // The space answers its forms with a page: some accepted (200), some refused in French (4xx).
        Assert.Contains(statuses, s => s is 200);
        Assert.Contains(statuses.Concat(anonymousStatuses), s => s is >= 400 and < 500);
        failures.AddRange(anonymousFailures);
        Assert.True(failures.Count == 0, $"{failures.Count} of {statuses.Count + anonymousStatuses.Count} space forms answered 5xx:\n" + string.Join('\n', failures.Take(40)));
    }

    private const string SpaceBoard = "/api/espace";
    private const string SpaceSignInPage = "/api/espace/connexion";
    private const string SpaceSignOut = "/api/espace/deconnexion";

    /// <summary>A coordinator's session as they get it: the link mailed to them, opened, and its page's button pressed.</summary>
    private async Task EnterSpaceAsync(HttpClient client, string email)
    {
        using (var admin = _host.CreateAdminClient())
        {
            await SpaceMembers.CoordinatorAsync(admin, email, _host.Clock.GetUtcNow().Year, ["addictions"]);
        }
        await _host.Services.GetRequiredService<SpaceSignIn>().RequestLinkAsync(email, "192.0.2.1", null, CancellationToken.None);
        await _host.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        var link = SpaceMembers.SignInLinksSentTo(_host.MailFolder, email).Single();
        var page = (await ParseAsync(client, link.PathAndQuery))!;
        var enter = Fields(page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == link.AbsolutePath));
        using var entered = await client.PostAsync(link, new FormUrlEncodedContent(enter.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        Assert.Equal(HttpStatusCode.SeeOther, entered.StatusCode);
    }

    /// <summary>Each form sent back with every field holding each odd value, then each field alone holding a few.</summary>
    private static async Task<(List<string> Failures, List<int> Statuses)> CampaignAsync(HttpClient client, IReadOnlyList<PostForm> forms)
    {
        var failures = new List<string>();
        var statuses = new List<int>();
        foreach (var form in forms)
        {
            foreach (var value in OddValues)
            {
                await SendAsync(client, form, f => f.Hidden ? f.Value : value, "every field " + Show(value), failures, statuses);
            }
            foreach (var field in form.Fields.Where(f => f.Name != "_csrf"))
            {
                foreach (var value in OneFieldValues)
                {
                    await SendAsync(client, form, f => f.Name == field.Name ? value : f.Value, $"{field.Name} = {Show(value)}", failures, statuses);
                }
            }
        }
        return (failures, statuses);
    }

    private async Task SeedAsync()
    {
        var now = _host.Clock.GetUtcNow();
        var calls = _host.Services.GetRequiredService<ICallRepository>();
        Assert.True(await calls.TryAddAsync(new CallForProjects { Id = "campaign-open", Title = "Appel ouvert (fictif)", Funder = "ARS Bretagne", Source = SourceTrust.Staff, Departments = ["29"], Deadline = now.AddDays(40), CreatedAt = now }, default));
        Assert.True(await calls.TryAddAsync(new CallForProjects { Id = "campaign-held", Title = "Appel à vérifier (fictif)", Funder = "Financeur non identifié", Source = "flux-synthetique", Status = CallStatus.ToReview, ReviewReasons = ["financeur non identifié"], CreatedAt = now }, default));
        var structures = _host.Services.GetRequiredService<IStructureRepository>();
        Assert.True(await structures.TryAddAsync(new MemberStructure { Id = "s-campaign", Kind = "MSP", Name = "MSP de l'Odet (fictive)", Department = "29" }, default));
        Assert.True(await _host.Services.GetRequiredService<ICotisationRepository>().TrySaveAsync(new Cotisation { StructureId = "s-campaign", Year = 2025, Amount = 150m, PaidOn = new DateOnly(2025, 2, 1), Method = "virement" }, default));
        await _host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(new Person
        {
            Id = "p-campaign",
            FirstName = "Maëlle",
            LastName = "Exemple",
            Email = "maelle.exemple@example.org",
            StructureIds = ["s-campaign"],
            StructureName = "MSP de l'Odet (fictive)",
            StructureKind = "MSP",
            Department = "29",
            Roles = ["coordinator"],
        }, default);
        await _host.CreateEventAsync(capacity: 20, formSlugs: ["campagne-fictive"], title: "Journée régionale (fictive)");
        Assert.True(await _host.Services.GetRequiredService<IOutboxStore>().TryEnqueueAsync(
            FailedSends.TicketConfirmation("campaign", "p-campaign", "maelle.exemple@example.org", "Maëlle Exemple", now, TimeSpan.FromHours(2)), default));
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var page = (await ParseAsync(client, ConsoleNavigation.SignIn))!;
        var form = page.QuerySelector($"form[action='{ConsoleNavigation.SignIn}']")!;
        var fields = new Dictionary<string, string>
        {
            ["_csrf"] = form.QuerySelector<IHtmlInputElement>("input[name=_csrf]")!.Value,
            ["retour"] = ConsoleNavigation.Today,
            ["staff"] = form.QuerySelector<IHtmlInputElement>("input[name=staff]")!.Value,
        };
        using var signedIn = await client.PostAsync(new Uri(ConsoleNavigation.SignIn, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
    }

    /// <summary>Every page of the area reachable from <paramref name="start"/> by its links (not sign-out), and the POST forms on them.</summary>
    private static async Task<List<PostForm>> CrawlAsync(HttpClient client, string start, string signOut)
    {
        var area = start.StartsWith(SpaceBoard, StringComparison.Ordinal) ? SpaceBoard : ConsoleNavigation.Today;
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var toVisit = new Queue<string>([start]);
        var forms = new Dictionary<string, PostForm>(StringComparer.Ordinal);
        while (toVisit.Count > 0 && seen.Count < 120)
        {
            var path = toVisit.Dequeue();
            if (await ParseAsync(client, path) is not { } page)
            {
                continue;
            }
            foreach (var href in page.QuerySelectorAll<IHtmlAnchorElement>("a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                if (href.StartsWith(area, StringComparison.Ordinal) && !href.StartsWith(signOut, StringComparison.Ordinal) && seen.Add(href))
                {
                    toVisit.Enqueue(href);
                }
            }
            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action")!;
                if (action != signOut)
                {
                    forms.TryAdd(action, new PostForm(path, action, form.Enctype == "multipart/form-data", Fields(form)));
                }
            }
        }
        return [.. forms.Values];
    }

    private static List<(string Name, string Value, bool Hidden, bool File)> Fields(IHtmlFormElement form) =>
        [.. form.Elements.OfType<IElement>()
            .Where(e => e.GetAttribute("name") is { Length: > 0 })
            .Select(e => (e.GetAttribute("name")!, Value(e), e is IHtmlInputElement { Type: "hidden" }, e is IHtmlInputElement { Type: "file" }))];

    private static string Value(IElement element) => element switch
    {
        IHtmlSelectElement select => select.Value ?? string.Empty,
        IHtmlTextAreaElement area => area.Value,
        IHtmlInputElement { Type: "checkbox" or "radio" } box => box.Value,
        IHtmlInputElement input => input.Value,
        _ => string.Empty,
    };

    private static async Task SendAsync(HttpClient client, PostForm form, Func<(string Name, string Value, bool Hidden, bool File), string> valueOf, string what, List<string> failures, List<int> statuses)
    {
        using var content = Body(form, valueOf);
        using var response = await client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
        statuses.Add((int)response.StatusCode);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"POST {form.Action} (from {form.Page}, {what}) → {(int)response.StatusCode}");
        }
    }

    private static HttpContent Body(PostForm form, Func<(string Name, string Value, bool Hidden, bool File), string> valueOf)
    {
        // The token stays this session's: the campaign is about what a signed-in person can send.
        string ValueOf((string Name, string Value, bool Hidden, bool File) field) => field.Name == "_csrf" ? field.Value : valueOf(field);
        if (!form.Multipart)
        {
            return new FormUrlEncodedContent(form.Fields.Where(f => !f.File).Select(f => KeyValuePair.Create(f.Name, ValueOf(f))));
        }
        var multipart = new MultipartFormDataContent();
        foreach (var field in form.Fields)
        {
            if (field.File)
            {
                multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(ValueOf(field) + "\u0000")), field.Name, "fiche-" + ValueOf(field).Length + ".pdf");
            }
            else
            {
                multipart.Add(new StringContent(ValueOf(field)), field.Name);
            }
        }
        return multipart;
    }

    /// <summary>A page (after its redirects), or null for what is not one (a download, a page refusing a link's odd query).</summary>
    private static async Task<IDocument?> ParseAsync(HttpClient client, string path, int redirects = 0)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"GET {path} → {(int)response.StatusCode}");
        if ((int)response.StatusCode is 302 or 303 && response.Headers.Location is { } next && redirects < 3)
        {
            return await ParseAsync(client, next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString, redirects + 1);
        }
        return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html"
            ? await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())
            : null;
    }

    private static string Show(string value) => value.Length > 12 ? $"{value[..6]}…({value.Length})" : value;
}
