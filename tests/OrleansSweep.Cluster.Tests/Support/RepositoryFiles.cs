using System.Reflection;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Where the built silo and sweep command are: next to this test build, in the same configuration.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string SiloDll => Built("silo", "orleanssweep-silo.dll");

    public static string ClientDll => Built("client", "sweep.dll");

    public static string BrokerScript => Path.Combine(Root, "deploy", "rabbitmq", "broker.sh");

    /// <summary>The dotnet host that runs the tests (set by the test host), else the one on the PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Built(string project, string file)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution (bash tests/run.sh) first.", path);
    }

    private static string Metadata(string key) =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
