using AvecSante.Benchmarks;

// dotnet run -c Release --project tools/AvecSante.Benchmarks -- <benchmark> [options]
var name = args.FirstOrDefault() ?? "help";
return name switch
{
    "normalise" => NormaliseBenchmark.Run(args[1..]),
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
        """);
    return 0;
}
