using AvecSante.Api.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Web;

/// <summary>
/// The shared layout, stylesheet and form tokens in a real browser, through a page the test adds to the real LocalHost
/// (the console and the space test their own pages; this holds what every page inherits).
/// </summary>
public sealed class WebLayerTests() : BrowserTestBase(new KestrelLocalHost(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LayoutPageFilter>())))
{
    private const string Subject = "staff-test";

    [Fact]
    public async Task The_layout_is_French_with_landmarks_a_skip_link_and_the_app_s_own_stylesheet_at_phone_width()
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.PhoneWidth);
        var stylesheets = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "stylesheet")
            {
                stylesheets.Add(response);
            }
        };

        var response = await page.GotoAsync("api/test/layout");

        Assert.Equal(200, response!.Status);
        Assert.Equal(WebPage.ContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Page d'essai — Console de l'équipe — AVECsanté Bretagne", await page.TitleAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Banner).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Contentinfo).CountAsync());
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new() { Name = "Aujourd'hui" }).GetAttributeAsync("aria-current"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        var css = Assert.Single(stylesheets);
        Assert.Equal(new Uri(Host.BaseAddress, "api/web/site.css"), new Uri(css.Url));
        Assert.Equal(200, css.Status);
        // Phone first: nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "web-layout-360");
        var desktop = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.DesktopWidth);
        await desktop.GotoAsync("api/test/layout");
        await Accessibility.AssertNoSeriousViolationsAsync(desktop);
        await Screenshots.SaveAsync(desktop, "web-layout-1280");
    }

    [Fact]
    public async Task A_form_of_the_layout_posts_without_JavaScript_with_its_token_and_a_post_without_it_is_refused_in_French()
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await page.GotoAsync("api/test/layout");

        var posted = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync(),
            response => response.Request.Method == "POST");
        Assert.Equal(200, posted.Status);
        Assert.Equal("Formulaire accepté", await page.TextContentAsync("h1"));

        // Same browser (its cookie), but no token: what a forged form would send.
        var forged = await page.APIRequest.PostAsync("api/test/layout", new() { Form = page.APIRequest.CreateFormData().Set("anything", "1") });
        Assert.Equal(403, forged.Status);
        Assert.Contains("Formulaire refusé", System.Net.WebUtility.HtmlDecode(await forged.TextAsync()), StringComparison.Ordinal);
    }

    /// <summary>Adds /api/test/layout (where the app's cookies are sent) to the LocalHost: the layout around a message, and a form checked by CsrfTokens.</summary>
    private sealed class LayoutPageFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/api/test/layout", branch => branch.Run(async context =>
            {
                var tokens = context.RequestServices.GetRequiredService<CsrfTokens>();
                var frame = new WebFrame(WebArea.Console, [new NavItem("Aujourd'hui", "/api/test/layout"), new NavItem("Appels", "/api/test/other")],
                    "/api/test/layout", "Camille Exemple", tokens.TokenFor(context, Subject), "/api/test/layout");
                IResult result;
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    var accepted = tokens.IsValid(context.Request, await context.Request.ReadFormAsync(), Subject);
                    result = accepted
                        ? WebPage.Message(frame, StatusCodes.Status200OK, "Formulaire accepté", "Le jeton du formulaire est valide.")
                        : WebPage.Message(frame, StatusCodes.Status403Forbidden, "Formulaire refusé", "Rechargez la page et recommencez.");
                }
                else
                {
                    result = WebPage.Message(frame, StatusCodes.Status200OK, "Page d'essai", "Le gabarit commun des pages.", "/api/test/other", "Une autre page");
                }
                await result.ExecuteAsync(context);
            }));
            next(app);
        };
    }
}
