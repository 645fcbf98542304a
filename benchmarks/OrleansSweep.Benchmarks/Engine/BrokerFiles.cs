namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// What the broker probe runs besides itself: the built silo executable, <c>deploy/rabbitmq/broker.sh</c> and
/// Debian's <c>rabbitmq-server</c>, found from the repository that holds this build (also from run.sh's copy of it).
/// </summary>
/// <remarks>
/// The benchmarks project builds the silo (a project reference without its assembly: it is an executable with its own
/// telemetry exporter) and starts it from silo/bin/Release; <c>ORLEANSSWEEP_SILO</c> overrides its path.
/// </remarks>
internal sealed record BrokerFiles(string Root, string Silo, string BrokerScript)
{
    public const string SiloVariable = "ORLEANSSWEEP_SILO";

    /// <summary>The assemblies that both the probe (client, planner) and the silo load; they should be the same build.</summary>
    private static readonly string[] Shared =
        ["OrleansSweep.Contracts.dll", "OrleansSweep.Sweeps.dll", "OrleansSweep.Cluster.dll", "OrleansSweep.Science.dll"];

    /// <exception cref="InvalidOperationException">Something is missing; the message says how to get it.</exception>
    public static BrokerFiles Locate()
    {
        var root = FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"no OrleansSweep.sln above {AppContext.BaseDirectory}: run the probe from the repository's build");
        var silo = Environment.GetEnvironmentVariable(SiloVariable) is { Length: > 0 } custom
            ? custom
            : Path.Combine(root, "silo", "bin", "Release", "net10.0", "orleanssweep-silo");
        if (!File.Exists(silo))
        {
            throw new InvalidOperationException($"{silo} is missing: build the benchmarks (or the silo) with -c Release, or set {SiloVariable}");
        }

        var rabbit = Path.Combine(Environment.GetEnvironmentVariable("RABBITMQ_BIN") ?? "/usr/lib/rabbitmq/bin", "rabbitmq-server");
        if (!File.Exists(rabbit))
        {
            throw new InvalidOperationException($"{rabbit} is missing: install Debian's rabbitmq-server (bash deploy/rabbitmq/broker.sh install)");
        }

        return new BrokerFiles(root, silo, Path.Combine(root, "deploy", "rabbitmq", "broker.sh"));
    }

    /// <summary>The shared assemblies whose bytes differ between the probe's folder and the silo's (builds are deterministic).</summary>
    public IReadOnlyList<string> DifferingAssemblies()
    {
        var siloFolder = Path.GetDirectoryName(Silo)!;
        return Shared.Where(name => !SameBytes(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(siloFolder, name))).ToList();
    }

    private static bool SameBytes(string a, string b) =>
        File.Exists(a) && File.Exists(b) && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    private static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansSweep.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
