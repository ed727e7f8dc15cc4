using AvecSante.Tests.Shared;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// The shared fixtures live beside the repository (../shared/fixtures from the folder holding AvecSante.Functions.sln);
/// found by walking up from the test assembly, so the tests run from any working directory.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string CallsOther => Path.Combine(Root, "calls", "other");

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

    public static string ReadCall(string fileName) => File.ReadAllText(Path.Combine(CallsOther, fileName));

    private static string FindRoot()
    {
        var fixtures = Path.GetFullPath(RepositoryRoot.Combine("..", "shared", "fixtures"));
        return Directory.Exists(fixtures) ? fixtures : throw new DirectoryNotFoundException($"Fixtures expected at {fixtures}.");
    }
}
