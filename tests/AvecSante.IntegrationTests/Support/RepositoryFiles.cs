namespace AvecSante.IntegrationTests.Support;

public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AvecSante.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (AvecSante.Functions.sln) not found.");
    }
}
