using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

/// <summary>Settings and silo switches named anywhere in deploy/ exist in the code (ClusterSettings, SiloCommandLine).</summary>
public sealed partial class SettingNamesTests
{
    private static readonly string[] ConfigurationFiles = [".yaml", ".service", ".env.example", "Dockerfile", ".conf", ".sh", ".md"];

    [Fact]
    public void Every_OrleansSweep_Cluster_variable_names_a_ClusterSettings_property()
    {
        var seen = 0;
        foreach (var file in DeployFiles.Files(ConfigurationFiles))
        {
            foreach (Match match in EnvironmentName().Matches(DeployFiles.Text(file)))
            {
                seen++;
                Assert.True(CodeFacts.Settings.Contains(match.Groups[1].Value),
                    $"{file}: {match.Value} is not a setting; ClusterSettings has {string.Join(", ", CodeFacts.Settings)}");
            }
        }

        Assert.True(seen >= 30, $"only {seen} OrleansSweep__Cluster__ names found: is the pattern still right?");
    }

    [Fact]
    public void The_setting_check_rejects_a_misspelt_or_removed_name()
    {
        Assert.DoesNotContain("RedisAddress", CodeFacts.Settings);
        Assert.DoesNotContain("BrokerUri", CodeFacts.Settings);
        Assert.DoesNotContain("Role", CodeFacts.Settings);
        Assert.Contains("Redis", CodeFacts.Settings);
    }

    [Fact]
    public void Every_silo_switch_sets_a_ClusterSettings_property()
    {
        Assert.NotEmpty(CodeFacts.SiloSwitchKeys);
        foreach (var (name, key) in CodeFacts.SiloSwitchKeys)
        {
            Assert.StartsWith("OrleansSweep:Cluster:", key, StringComparison.Ordinal);
            Assert.True(CodeFacts.Settings.Contains(key["OrleansSweep:Cluster:".Length..]), $"{name} sets {key}, which ClusterSettings lacks");
        }
    }

    [Fact]
    public void Every_switch_the_local_cluster_passes_a_silo_exists()
    {
        var script = DeployFiles.Text("deploy/local-cluster.sh");
        var start = SiloStart().Match(script);
        Assert.True(start.Success, "deploy/local-cluster.sh: no `nohup \"$silo_command\" …` line found");
        var switches = Switch().Matches(start.Value).Select(m => m.Value).ToList();
        Assert.True(switches.Count >= 8, $"only {switches.Count} switches found in the silo command");
        Assert.All(switches, s => Assert.Contains(s, CodeFacts.SiloSwitches));
        // Loopback only, and the scratch cluster's own Redis and cluster id.
        foreach (var required in new[] { "--redis", "--cluster-id", "--address", "--silo-port", "--gateway-port", "--dashboard-host", "--dashboard-port" })
        {
            Assert.Contains(required, switches);
        }
    }

    [Fact]
    public void Switch_check_rejects_the_removed_RabbitMQ_switches()
    {
        foreach (var removed in new[] { "--role", "--broker", "--data", "--stop-timeout", "--vhost" })
        {
            Assert.DoesNotContain(removed, CodeFacts.SiloSwitches);
        }
    }

    [Fact]
    public void Nothing_in_deploy_names_RabbitMQ_or_MassTransit_any_more()
    {
        foreach (var file in DeployFiles.Files(ConfigurationFiles))
        {
            var text = DeployFiles.Text(file);
            foreach (var word in new[] { "rabbitmq", "masstransit", "amqp", "--role", "coordinator" })
            {
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{file} still mentions {word}");
            }
        }
    }

    [GeneratedRegex(@"OrleansSweep__Cluster__(\w+)")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"nohup ""\$silo_command""[^<]*<")]
    private static partial Regex SiloStart();

    [GeneratedRegex(@"(?<=\s)--[a-z][a-z-]*")]
    private static partial Regex Switch();
}
