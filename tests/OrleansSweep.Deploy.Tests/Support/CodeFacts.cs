using System.Reflection;
using System.Text.RegularExpressions;
using OrleansSweep.Cluster;
using OrleansSweep.Cluster.Hosting;

namespace OrleansSweep.Deploy.Tests.Support;

/// <summary>What the code accepts: setting names, role names, silo switches, the sweep command's subcommands.</summary>
internal static partial class CodeFacts
{
    public const string EnvironmentPrefix = "OrleansSweep__Cluster__";

    /// <summary>Settable public properties of <see cref="ClusterOptions"/>: the names configuration binding fills.</summary>
    public static IReadOnlySet<string> Settings { get; } = typeof(ClusterOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
        .Select(p => p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlySet<string> SiloSwitches { get; } = SiloHost.Switches.Keys.Append("--help").ToHashSet(StringComparer.Ordinal);

    public static bool IsRole(string text) =>
        text is "worker" or "coordinator" or "all" && Enum.TryParse<SiloRoles>(text, ignoreCase: true, out _);

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
