using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

/// <summary>The commands in deploy/README.md name real scripts, files, services, subcommands and options.</summary>
public sealed partial class GuideTests
{
    /// <summary>Files the guide tells the operator to create (copies of shipped examples).</summary>
    private static readonly string[] CreatedByTheOperator = ["deploy/compose/cluster.env"];

    private static readonly string[] CommandLines = [.. ShellBlock().Matches(DeployFiles.Text("deploy/README.md"))
        .SelectMany(m => m.Groups[1].Value.Split('\n'))
        .Select(l => Comment().Replace(l, "").Trim())
        .Where(l => l.Length > 0)];

    [Fact]
    public void Guide_has_commands_for_every_deployment()
    {
        foreach (var needle in new[] { "bash deploy/local-cluster.sh start", "docker compose -f deploy/compose.yaml", "kubectl apply -k deploy/k8s", "systemctl enable --now orleanssweep-silo@1", "bash tests/run.sh" })
        {
            Assert.Contains(CommandLines, l => l.Contains(needle, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_repository_path_in_a_command_exists()
    {
        var paths = CommandLines.SelectMany(l => RepositoryPath().Matches(l).Select(m => m.Value.TrimEnd('.', ',', ')'))).Distinct().ToList();
        Assert.True(paths.Count >= 10, $"only {paths.Count} paths found");
        foreach (var path in paths.Except(CreatedByTheOperator))
        {
            Assert.True(Path.Exists(DeployFiles.PathOf(path)), $"deploy/README.md names {path}, which does not exist");
        }
    }

    [Fact]
    public void Script_subcommands_are_ones_the_script_accepts()
    {
        foreach (Match call in CommandLines.SelectMany(l => ScriptCall().Matches(l)))
        {
            Assert.Contains($"  {call.Groups[2].Value})", DeployFiles.Text(call.Groups[1].Value), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sweep_commands_and_options_exist_in_the_client()
    {
        var lines = CommandLines.Where(l => SweepCall().IsMatch(l)).ToList();
        Assert.True(lines.Count >= 4);
        foreach (var line in lines)
        {
            var call = SweepCall().Match(line);
            Assert.Contains(call.Groups[1].Value, CodeFacts.SweepCommands);
            foreach (Match option in LongOption().Matches(line[call.Index..]))
            {
                Assert.Contains(option.Value, CodeFacts.SweepOptions);
            }
        }
    }

    [Fact]
    public void Compose_and_Kubernetes_names_in_commands_exist()
    {
        var services = DeployFiles.Yaml("deploy/compose.yaml")[0].GetProperty("services");
        foreach (Match use in CommandLines.SelectMany(l => ComposeService().Matches(l)))
        {
            Assert.True(services.TryGetProperty(use.Groups[1].Value, out _), $"compose has no service {use.Groups[1].Value}");
        }

        var kubernetes = Directory.GetFiles(DeployFiles.PathOf("deploy/k8s"), "*.yaml")
            .SelectMany(f => DeployFiles.Yaml(Path.GetRelativePath(DeployFiles.Root, f)))
            .Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("kind", out _) && o.TryGetProperty("metadata", out _))
            .Select(o => $"{o.GetProperty("kind").GetString()!.ToLowerInvariant()}/{o.GetProperty("metadata").GetProperty("name").GetString()}")
            .ToHashSet(StringComparer.Ordinal);
        foreach (Match use in CommandLines.SelectMany(l => KubernetesObject().Matches(l)))
        {
            var name = use.Groups[1].Value == "svc" ? $"service/{use.Groups[2].Value}" : use.Value;
            Assert.Contains(name, kubernetes);
        }

        foreach (Match unit in CommandLines.SelectMany(l => SystemdUnit().Matches(l)))
        {
            var file = unit.Value.Contains('@', StringComparison.Ordinal) ? $"{unit.Value[..(unit.Value.IndexOf('@', StringComparison.Ordinal) + 1)]}.service" : $"{unit.Value}.service";
            Assert.True(File.Exists(DeployFiles.PathOf($"deploy/systemd/{file}")), $"no unit {file}");
        }
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\s#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<![\w/.-])(?:deploy|examples|silo|client|tests|benchmarks)/[\w./@-]+")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"bash (deploy/[\w/.-]+\.sh) ([a-z]+)")]
    private static partial Regex ScriptCall();

    [GeneratedRegex(@"(?:^|[\s/])sweep ([a-z]+)")]
    private static partial Regex SweepCall();

    [GeneratedRegex(@"(?<=\s)--[a-z][a-z-]*")]
    private static partial Regex LongOption();

    [GeneratedRegex(@"(?:--scale |run --rm |up -d )([a-z][a-z-]*)")]
    private static partial Regex ComposeService();

    [GeneratedRegex(@"\b(deployment|statefulset|svc)/([a-z-]+)")]
    private static partial Regex KubernetesObject();

    [GeneratedRegex(@"orleanssweep-silo@\d+\b")]
    private static partial Regex SystemdUnit();
}
