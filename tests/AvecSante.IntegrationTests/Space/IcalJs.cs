using System.Diagnostics;
using System.Text.Json;
using AvecSante.Tests.Shared;

namespace AvecSante.IntegrationTests.Space;

/// <summary>
/// Reads an .ics with npm's ical.js (the parser behind many web calendars), run by node: an independent reading of what
/// we write. ./test.sh installs it with the other npm tools (npm ci).
/// </summary>
public static class IcalJs
{
    public sealed record Event(string Uid, string Summary, string Start, string StartZone, string End, int Sequence, string? Status, string? Url);

    private const string Script = """
        const loaded = require(process.argv[1]);
        const ICAL = loaded.default ?? loaded;
        let input = '';
        process.stdin.on('data', d => input += d);
        process.stdin.on('end', () => {
          const root = new ICAL.Component(ICAL.parse(input));
          for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
          const events = root.getAllSubcomponents('vevent').map(c => {
            const e = new ICAL.Event(c);
            return {
              uid: e.uid, summary: e.summary, start: e.startDate.toString(), startZone: e.startDate.zone.tzid,
              end: e.endDate.toJSDate().toISOString(), sequence: e.sequence, status: c.getFirstPropertyValue('status'),
              url: c.getFirstPropertyValue('url'),
            };
          });
          process.stdout.write(JSON.stringify({ method: root.getFirstPropertyValue('method'), events }));
        });
        """;

    public static async Task<(string? Method, IReadOnlyList<Event> Events)> ParseAsync(string ics)
    {
        var module = RepositoryRoot.Combine("node_modules", "ical.js");
        if (!Directory.Exists(module))
        {
            throw new InvalidOperationException("npm's ical.js is missing: run `npm ci` at the repository root (./test.sh does).");
        }
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(module);
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(ics);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException("ical.js could not read the calendar: " + errors);
        }
        var root = JsonDocument.Parse(output).RootElement;
        var events = root.GetProperty("events").EnumerateArray().Select(e => new Event(
            e.GetProperty("uid").GetString()!, e.GetProperty("summary").GetString()!, e.GetProperty("start").GetString()!,
            e.GetProperty("startZone").GetString()!, e.GetProperty("end").GetString()!, e.GetProperty("sequence").GetInt32(),
            e.GetProperty("status").GetString(), e.GetProperty("url").GetString())).ToList();
        return (root.GetProperty("method").GetString(), events);
    }
}
