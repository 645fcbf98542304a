using System.Globalization;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

public sealed class SystemdUnitTests
{
    private const string Unit = "orleanssweep-silo@.service";
    private const string InstalledSilo = "/opt/orleanssweep/silo/orleanssweep-silo";

    private static Dictionary<string, string> Service(string text) => text.Split('\n')
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .GroupBy(p => p[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    private static Dictionary<string, string> EnvironmentFile(string file) => DeployFiles.Text($"deploy/systemd/{file}").Split('\n')
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>systemd-analyze verify on a copy whose ExecStart names an executable that exists here; warnings fail too.</summary>
    private static Tools.Result Verify(string unitText)
    {
        var folder = Directory.CreateTempSubdirectory("deploy-systemd-");
        try
        {
            var silo = Path.Combine(folder.FullName, "orleanssweep-silo");
            File.WriteAllText(silo, "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(silo, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            File.WriteAllText(Path.Combine(folder.FullName, Unit), unitText.Replace(InstalledSilo, silo, StringComparison.Ordinal));
            return Tools.Run("systemd-analyze", ["verify", "--man=no", $"./{Unit}"], folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Passes_systemd_analyze_verify()
    {
        var text = DeployFiles.Text($"deploy/systemd/{Unit}");
        Assert.Contains($"ExecStart={InstalledSilo} ", text, StringComparison.Ordinal);
        var run = Verify(text);
        Assert.True(run.ExitCode == 0 && run.Errors.Trim().Length == 0, $"systemd-analyze verify {Unit}:\n{run.Output}{run.Errors}");
    }

    [Fact]
    public void Verify_reports_a_bad_setting_so_the_check_can_fail()
    {
        var run = Verify(DeployFiles.Text($"deploy/systemd/{Unit}").Replace("TimeoutStopSec=60", "TimeoutStopSec=sixty", StringComparison.Ordinal));
        Assert.Contains("Failed to parse", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_unprivileged_hardened_and_restarts_on_failure()
    {
        var service = Service(DeployFiles.Text($"deploy/systemd/{Unit}"));
        Assert.Equal("orleanssweep", service["User"]);
        Assert.Equal("on-failure", service["Restart"]);
        Assert.Equal("-/etc/orleanssweep/silo-%i.env", service["EnvironmentFile"]);
        Assert.Contains("EnvironmentFile=/etc/orleanssweep/cluster.env\n", DeployFiles.Text($"deploy/systemd/{Unit}"), StringComparison.Ordinal);
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"), ("PrivateDevices", "yes"), ("CapabilityBoundingSet", "") })
        {
            Assert.Equal(value, service[key]);
        }

        // The .NET JIT needs writable+executable memory.
        Assert.False(service.ContainsKey("MemoryDenyWriteExecute"));
        Assert.True(double.Parse(service["TimeoutStopSec"], CultureInfo.InvariantCulture) >= 30);
    }

    [Fact]
    public void Starts_the_silo_with_switches_it_knows()
    {
        var arguments = Service(DeployFiles.Text($"deploy/systemd/{Unit}"))["ExecStart"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CodeFacts.AssemblyName("silo/OrleansSweep.Silo.csproj"), Path.GetFileName(arguments[0]));
        Assert.All(arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)), a => Assert.Contains(a, CodeFacts.SiloSwitches));
    }

    [Fact]
    public void Environment_examples_keep_the_dashboard_on_loopback_and_give_a_second_instance_its_own_ports()
    {
        var cluster = EnvironmentFile("cluster.env.example");
        Assert.Equal("127.0.0.1", cluster["OrleansSweep__Cluster__DashboardHost"]);
        Assert.True(System.Net.IPAddress.TryParse(cluster["OrleansSweep__Cluster__AdvertisedAddress"], out _));
        var second = EnvironmentFile("silo-2.env.example");
        foreach (var setting in new[] { "SiloPort", "GatewayPort", "DashboardPort" })
        {
            var port = int.Parse(second[CodeFacts.EnvironmentPrefix + setting], CultureInfo.InvariantCulture);
            Assert.NotEqual(CodeFacts.DefaultPort(setting), port);
        }
    }
}
