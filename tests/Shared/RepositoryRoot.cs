namespace AvecSante.Tests.Shared;

/// <summary>
/// The repository root: the first folder above the test binaries that holds AvecSante.Functions.sln, so the tests find
/// samples, settings and ../shared from any working directory.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AvecSante.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No AvecSante.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
