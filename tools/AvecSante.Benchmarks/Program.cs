using AvecSante.Benchmarks;

// dotnet run -c Release --project tools/AvecSante.Benchmarks -- <benchmark> [options]
var name = args.FirstOrDefault() ?? "help";
return name switch
{
    "normalise" => NormaliseBenchmark.Run(args[1..]),
    "adversarial" => AdversarialBenchmark.Run(),
    "accuracy" => AccuracyBenchmark.Run(args[1..]),
    "alerts" => AlertsBenchmark.Run(args[1..]),
    "report" => ReportBenchmark.Run(args[1..]),
    "space" => SpaceBenchmark.Run(args[1..]),
    "console" => ConsoleBenchmark.Run(args[1..]),
    "storage" => StorageBenchmark.Run(args[1..]),
    _ => Help(),
};

static int Help()
{
    Console.WriteLine("""
        Benchmarks (figures go to docs/benchmarks.md):
          normalise [--seconds N] [--profile] [--dump FILE]
                                    call pages parsed and tagged per second, on one thread;
                                    --profile: time per page and per stage; --dump: outputs to diff.
                                    On a loaded machine compare "pages per CPU second", or run both
                                    builds with DOTNET_TieredCompilation=0 (no tiering warm-up to wait for)
          accuracy [--misses] [--show SET/FILE]
                                    the reader against our readings of the real calls (other/, more/):
                                    deadline and funder right per fixture set; --misses lists each miss;
                                    --show prints what the reader makes of one file
          adversarial               the normaliser on 200 KB inputs built against backtracking patterns:
                                    wall and CPU ms per input
          alerts [--people N] [--calls M] [--storage CONNECTION]
                                    N coordinators × M new calls planned into the Table outbox (Azurite)
                                    and dispatched through SendGrid's client (answered in-process):
                                    SendGrid requests and Table transactions against their minimum
          report [--scale S] [--storage CONNECTION] [--prefix P --skip-seed] [--runs N] [--breakdown]
                                    ten years of synthetic data (2,500 structures, 100,000 tickets, 20,000
                                    calls, 1,000,000 sends × S) seeded in batches, then the yearly report
                                    compiled: seeding time, compile time, peak memory, query scopes
          space [--calls N] [--sheets M] [--open-share F] [--requests R] [--storage CONNECTION] [--prefix P]
                                    20,000 calls and 2,000 experience sheets seeded in Azurite, then the
                                    coordinators' board and a call's page served by their handlers (session
                                    checked, page rendered): p50, p95 and max per page
          console [--requests R] [--storage CONNECTION] [--prefix P]
                                    the report's ten years (2,500 structures, 100,000 tickets, 20,000 calls)
                                    plus 10,000 people, this month's failed and pending sends and 12 sources,
                                    then each console page served by its handler (staff session checked,
                                    page rendered): p50, p95 and max per page
          storage [--storage CONNECTION] [--requests N] [--callers C]
                                    the storage alone, without the app: a table read (what GET health asks),
                                    a blob PUT, a queue message, and both (what a ticketing acknowledgement
                                    asks), from C concurrent callers: calls per second, p50 and p99
        """);
    return 0;
}
