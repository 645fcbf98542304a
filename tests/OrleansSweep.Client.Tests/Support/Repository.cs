namespace OrleansSweep.Client.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ExampleSpec(string name) => Path.Combine(Root, "examples", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 12; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansSweep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OrleansSweep.sln not found above the test folder.");
    }
}
