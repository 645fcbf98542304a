using System.Reflection;
using System.Text.Json;

namespace OrleansSweep.Deploy.Tests.Support;

/// <summary>Paths and parsed contents of the files under deploy/.</summary>
internal static class DeployFiles
{
    public static string Root { get; } = typeof(DeployFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every file under deploy/ whose name ends with one of <paramref name="suffixes"/>, repository-relative.</summary>
    public static IReadOnlyList<string> Files(params string[] suffixes) =>
        [.. Directory.EnumerateFiles(Deploy, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => suffixes.Any(s => f.EndsWith(s, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The YAML documents of a file as JSON, parsed by PyYAML (yamllint's own parser, so it is present whenever yamllint
    /// is). Anchors and merge keys are resolved.
    /// </summary>
    public static IReadOnlyList<JsonElement> Yaml(string relative)
    {
        const string script = "import sys, json, yaml; json.dump([d for d in yaml.safe_load_all(open(sys.argv[1])) if d is not None], sys.stdout, default=str)";
        var run = Tools.Run("python3", ["-c", script, PathOf(relative)]);
        Assert.True(run.ExitCode == 0, $"{relative} does not parse as YAML: {run.Errors}");
        using var document = JsonDocument.Parse(run.Output);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
