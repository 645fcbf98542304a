namespace OrleansSweep.Sweeps.Tests.Specs;

/// <summary>Finds files of the repository (examples, the schema source) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansSweep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansSweep.sln above {AppContext.BaseDirectory}.");
    }
}
