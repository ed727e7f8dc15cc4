using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Web;

/// <summary>
/// axe-core on the page as rendered (WCAG 2.1 A/AA rules and best practices): no serious or critical violation. axe
/// runs as script, so a page opened with JavaScript off is checked again in a context with it on, at the same address.
/// </summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Impact} {violation.Id}: {violation.Help} — " + string.Join("; ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)));
}
