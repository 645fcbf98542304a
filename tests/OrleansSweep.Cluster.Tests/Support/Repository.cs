namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Paths in the repository: the built silo and client (Release, as the test command builds them).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SiloDll => Built("silo", "orleanssweep-silo.dll");

    public static string ClientDll => Built("client", "sweep.dll");

    private static string Built(string project, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: run dotnet build OrleansSweep.sln -c {configuration}", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansSweep.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("OrleansSweep.sln not found above " + AppContext.BaseDirectory);
    }
}
