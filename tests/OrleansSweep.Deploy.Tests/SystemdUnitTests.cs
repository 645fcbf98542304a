using System.Globalization;
using OrleansSweep.Cluster;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class SystemdUnitTests
{
    private const string InstalledSilo = "/opt/orleanssweep/silo/orleanssweep-silo";

    public static TheoryData<string> Units => ["orleanssweep-worker@.service", "orleanssweep-coordinator.service"];

    private static Dictionary<string, string> Service(string unit) => DeployFiles.Text($"deploy/systemd/{unit}").Split('\n')
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .GroupBy(p => p[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    /// <summary>systemd-analyze verify on a copy whose ExecStart names an executable that exists here; warnings fail too.</summary>
    private static Tools.Result Verify(string unit, string unitText)
    {
        var folder = Directory.CreateTempSubdirectory("deploy-systemd-");
        try
        {
            var silo = Path.Combine(folder.FullName, "orleanssweep-silo");
            File.WriteAllText(silo, "#!/bin/sh\nexit 0\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(silo, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            }
            File.WriteAllText(Path.Combine(folder.FullName, unit), unitText.Replace(InstalledSilo, silo, StringComparison.Ordinal));
            return Tools.Run("systemd-analyze", ["verify", "--man=no", $"./{unit}"], folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Passes_systemd_analyze_verify(string unit)
    {
        var text = DeployFiles.Text($"deploy/systemd/{unit}");
        Assert.Contains($"ExecStart={InstalledSilo} ", text, StringComparison.Ordinal);
        var run = Verify(unit, text);
        Assert.True(run.ExitCode == 0 && run.Errors.Trim().Length == 0, $"systemd-analyze verify {unit}:\n{run.Output}{run.Errors}");
    }

    [Fact]
    public void Verify_reports_a_bad_setting_so_the_check_can_fail()
    {
        var text = DeployFiles.Text("deploy/systemd/orleanssweep-coordinator.service").Replace("TimeoutStopSec=60", "TimeoutStopSec=sixty", StringComparison.Ordinal);
        var run = Verify("orleanssweep-coordinator.service", text);
        Assert.Contains("Failed to parse", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Runs_unprivileged_restarts_on_failure_and_outlasts_the_stop_timeout(string unit)
    {
        var service = Service(unit);
        Assert.Equal("orleanssweep", service["User"]);
        Assert.Equal("on-failure", service["Restart"]);
        Assert.Equal("/etc/orleanssweep/cluster.env", service["EnvironmentFile"]);
        var stop = new ClusterOptions().StopTimeoutSeconds;
        Assert.Equal(stop.ToString(CultureInfo.InvariantCulture), EnvironmentExample()["OrleansSweep__Cluster__StopTimeoutSeconds"]);
        Assert.True(double.Parse(service["TimeoutStopSec"], CultureInfo.InvariantCulture) >= stop + 15);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Starts_the_silo_with_switches_it_knows(string unit)
    {
        var arguments = Service(unit)["ExecStart"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CodeFacts.AssemblyName("silo/OrleansSweep.Silo.csproj"), Path.GetFileName(arguments[0]));
        Assert.All(arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)), a => Assert.Contains(a, CodeFacts.SiloSwitches));
    }

    private static Dictionary<string, string> EnvironmentExample() => DeployFiles.Text("deploy/systemd/cluster.env.example").Split('\n')
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
