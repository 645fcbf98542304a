using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansSweep.Hosting;

namespace OrleansSweep.Deploy.Tests.Support;

/// <summary>What the code accepts: setting names and defaults, the silo's switches and health path, the sweep command's subcommands and options.</summary>
internal static partial class CodeFacts
{
    public const string EnvironmentPrefix = "OrleansSweep__Cluster__";

    /// <summary>Settable public properties of <see cref="ClusterSettings"/>: the names configuration binding fills.</summary>
    public static IReadOnlySet<string> Settings { get; } = typeof(ClusterSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
        .Select(p => p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The silo executable's assembly (referenced by the test project).</summary>
    private static Assembly Silo { get; } = Assembly.Load("orleanssweep-silo");

    /// <summary><c>SiloCommandLine.Switches</c> of the silo: switch → configuration key.</summary>
    public static IReadOnlyDictionary<string, string> SiloSwitchKeys { get; } =
        (IReadOnlyDictionary<string, string>)Silo.GetType("OrleansSweep.Silo.SiloCommandLine", throwOnError: true)!
            .GetField("Switches", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    public static IReadOnlySet<string> SiloSwitches { get; } = SiloSwitchKeys.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary><c>SiloExtensions.HealthPath</c>: what probes and health checks must ask for.</summary>
    public static string HealthPath { get; } = (string)Silo.GetType("OrleansSweep.Silo.SiloExtensions", throwOnError: true)!
        .GetField("HealthPath", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>The <c>OrleansSweep:Cluster</c> section of silo/appsettings.json (the defaults a deployment starts from).</summary>
    public static JsonElement AppSettings { get; } = JsonDocument.Parse(DeployFiles.Text("silo/appsettings.json")).RootElement
        .GetProperty("OrleansSweep").GetProperty("Cluster").Clone();

    public static int DefaultPort(string setting) => AppSettings.GetProperty(setting).GetInt32();

    /// <summary>Subcommands of <c>sweep</c>, read from the client's <c>new Command("name", …)</c> declarations.</summary>
    public static IReadOnlySet<string> SweepCommands { get; } = Directory
        .EnumerateFiles(DeployFiles.PathOf("client/Commands"), "*.cs")
        .SelectMany(f => CommandDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Options the client declares (<c>new("--x")</c> or <c>Option&lt;T&gt;("--x")</c>).</summary>
    public static IReadOnlySet<string> SweepOptions { get; } = Directory
        .EnumerateFiles(DeployFiles.PathOf("client"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
        .SelectMany(f => OptionDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
        .Append("--help").Append("--version")
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The AssemblyName of a project: the file name of its published executable.</summary>
    public static string AssemblyName(string project) =>
        AssemblyNameElement().Match(DeployFiles.Text(project)).Groups[1].Value;

    [GeneratedRegex(@"new Command\(""([a-z-]+)""")]
    private static partial Regex CommandDeclaration();

    [GeneratedRegex(@"\(""(--[a-z-]+)""")]
    private static partial Regex OptionDeclaration();

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
