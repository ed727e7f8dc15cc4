using AvecSante.Tests.Shared;

namespace AvecSante.IntegrationTests.Support;

public static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string Path(params string[] parts) => RepositoryRoot.Combine(parts);
}
