using System.Text;
using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

/// <summary>
/// The local cluster for real: <c>deploy/local-cluster.sh start 2</c> (publish, scratch Redis, two silos), a sweep
/// submitted, watched and fetched with the published <c>sweep</c>, then <c>stop</c>, after which no process it started
/// may be left.
/// </summary>
public sealed partial class LocalClusterTests
{
    private const string Script = "deploy/local-cluster.sh";

    private const string Spec = """
        {
          "name": "local-cluster-e2e",
          "model": "rate",
          "n": 16,
          "realizations": 1,
          "seed": 11,
          "parameters": { "dt": 0.1 },
          "grid": { "g": { "from": 0.5, "to": 2.5, "steps": 6 } },
          "analyses": {
            "lyapunov": { "exponents": 2, "transientTime": 10, "averagingTime": 20, "windows": 2 },
            "theory": {}
          }
        }
        """;

    [Fact]
    public void Runs_a_sweep_on_two_silos_and_stop_leaves_no_process_behind()
    {
        var folder = Directory.CreateTempSubdirectory("deploy-local-cluster-");
        var environment = new Dictionary<string, string>
        {
            ["ORLEANSSWEEP_CLUSTER_DIR"] = folder.FullName,
            ["ORLEANSSWEEP_CONCURRENCY"] = "1",
            ["ORLEANSSWEEP_START_TIMEOUT"] = "180",
        };
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            // Publishing on a busy 2-core machine takes minutes; the script bounds its own waits after that.
            var start = Tools.Run("bash", [Script, "start", "2"], timeout: TimeSpan.FromMinutes(15), environment: environment);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder.FullName, "pids"), "*.pid"))
            {
                pids[Path.GetFileNameWithoutExtension(file)] = int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(start.ExitCode == 0, $"start failed:\n{start.Output}{start.Errors}");
            Assert.Equal(["redis", "silo-1", "silo-2"], pids.Keys.Order(StringComparer.Ordinal));
            var line = SubmitLine().Match(start.Output);
            Assert.True(line.Success, $"start printed no submit line:\n{start.Output}");
            var sweep = line.Groups["sweep"].Value;
            string[] cluster = ["--cluster", line.Groups["cluster"].Value, "--cluster-id", line.Groups["id"].Value, "--timeout", "30"];
            Assert.StartsWith(folder.FullName, sweep, StringComparison.Ordinal);

            var status = Tools.Run("bash", [Script, "status"], environment: environment);
            Assert.Contains("silo-1: healthy", status.Output, StringComparison.Ordinal);
            Assert.Contains("silo-2: healthy", status.Output, StringComparison.Ordinal);
            Assert.Contains(line.Value.Trim(), status.Output, StringComparison.Ordinal);

            var spec = Path.Combine(folder.FullName, "spec.json");
            File.WriteAllText(spec, Spec);
            var submit = Tools.Run(sweep, ["submit", spec, .. cluster], timeout: TimeSpan.FromMinutes(2));
            Assert.True(submit.ExitCode == 0, $"submit failed:\n{submit.Output}{submit.Errors}");
            var id = submit.Output.Trim();
            Assert.Matches("^[0-9a-f-]{36}$", id);

            var watch = Tools.Run(sweep, ["watch", id, .. cluster], timeout: TimeSpan.FromMinutes(5));
            Assert.True(watch.ExitCode == 0, $"watch did not end in a completed sweep:\n{watch.Output}{watch.Errors}");
            Assert.Contains("): completed", watch.Output, StringComparison.Ordinal);

            var output = Path.Combine(folder.FullName, "results");
            var results = Tools.Run(sweep, ["results", id, "--out", output, .. cluster], timeout: TimeSpan.FromMinutes(2));
            Assert.True(results.ExitCode == 0, $"results failed:\n{results.Output}{results.Errors}");
            Assert.Contains("done: 6 cells, 0 failed", results.Output, StringComparison.Ordinal);
            var map = File.ReadAllBytes(Path.Combine(output, "phase_map.parquet"));
            Assert.True(map.Length > 8 && Encoding.ASCII.GetString(map, 0, 4) == "PAR1" && Encoding.ASCII.GetString(map, map.Length - 4, 4) == "PAR1",
                "phase_map.parquet is not a Parquet file");
        }
        finally
        {
            var stop = Tools.Run("bash", [Script, "stop"], timeout: TimeSpan.FromMinutes(3), environment: environment);
            var survivors = Survivors(folder.FullName, pids);
            var logs = Logs(folder.FullName);
            folder.Delete(recursive: true);
            Assert.True(stop.ExitCode == 0, $"stop failed:\n{stop.Output}{stop.Errors}\n{logs}");
            Assert.True(survivors.Count == 0, $"processes outlived stop: {string.Join("; ", survivors)}");
        }
    }

    /// <summary>Recorded pids still running their program, and any process whose command line names the scratch folder.</summary>
    private static List<string> Survivors(string folder, Dictionary<string, int> pids)
    {
        var survivors = new List<string>();
        foreach (var (name, pid) in pids)
        {
            var command = CommandLine(pid);
            if (command.Contains(name == "redis" ? "redis-server" : "orleanssweep-silo", StringComparison.Ordinal))
            {
                survivors.Add($"{name} (pid {pid}): {command}");
            }
        }

        foreach (var process in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)))
        {
            var pid = int.Parse(process!, System.Globalization.CultureInfo.InvariantCulture);
            var command = CommandLine(pid);
            if (pid != Environment.ProcessId && command.Contains(folder, StringComparison.Ordinal) && !pids.ContainsValue(pid))
            {
                survivors.Add($"pid {pid}: {command}");
            }
        }

        return survivors;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string Logs(string folder)
    {
        var logs = Path.Combine(folder, "logs");
        return Directory.Exists(logs)
            ? string.Join("\n", Directory.EnumerateFiles(logs).Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}"))
            : "";
    }

    [GeneratedRegex(@"submit:\s+(?<sweep>\S+/sweep) submit SPEC --cluster (?<cluster>redis://127\.0\.0\.1:\d+) --cluster-id (?<id>\S+)")]
    private static partial Regex SubmitLine();
}
