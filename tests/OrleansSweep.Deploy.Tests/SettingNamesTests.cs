using System.Text.RegularExpressions;
using OrleansSweep.Cluster;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

/// <summary>Settings, roles, switches and broker addresses named anywhere in deploy/ exist in the code.</summary>
public sealed partial class SettingNamesTests
{
    private static readonly string[] ConfigurationFiles = [".yaml", ".service", ".env.example", "Dockerfile", ".conf"];

    [Fact]
    public void Every_OrleansSweep_Cluster_variable_names_a_ClusterOptions_property()
    {
        var seen = 0;
        foreach (var file in DeployFiles.Files(ConfigurationFiles))
        {
            foreach (Match match in EnvironmentName().Matches(DeployFiles.Text(file)))
            {
                seen++;
                Assert.True(CodeFacts.Settings.Contains(match.Groups[1].Value),
                    $"{file}: {match.Value} is not a setting; ClusterOptions has {string.Join(", ", CodeFacts.Settings)}");
            }
        }

        Assert.True(seen >= 20, $"only {seen} OrleansSweep__Cluster__ names found: is the pattern still right?");
    }

    [Fact]
    public void The_setting_check_rejects_a_misspelt_name() =>
        Assert.DoesNotContain("BrokerUrl", CodeFacts.Settings);

    [Fact]
    public void Every_role_named_is_a_silo_role()
    {
        var seen = 0;
        foreach (var file in DeployFiles.Files(ConfigurationFiles))
        {
            foreach (Match match in RoleValue().Matches(DeployFiles.Text(file)))
            {
                seen++;
                Assert.True(CodeFacts.IsRole(match.Groups[1].Value), $"{file}: role '{match.Groups[1].Value}' is not worker, coordinator or all");
            }
        }

        Assert.True(seen >= 8, $"only {seen} role values found");
        Assert.False(CodeFacts.IsRole("workers"));
    }

    [Fact]
    public void Every_broker_address_parses_and_uses_the_AMQP_port()
    {
        var seen = 0;
        foreach (var file in DeployFiles.Files(ConfigurationFiles))
        {
            foreach (Match match in BrokerAddressText().Matches(DeployFiles.Text(file)))
            {
                seen++;
                var text = match.Value.Replace("${ORLEANSSWEEP_USER:-orleanssweep}", "orleanssweep", StringComparison.Ordinal)
                    .Replace("${ORLEANSSWEEP_VHOST:-orleanssweep}", "orleanssweep", StringComparison.Ordinal);
                Assert.True(BrokerAddress.TryParse(text, out var address, out var error), $"{file}: {text} {error}");
                Assert.Equal(BrokerAddress.DefaultPort, address.Port);
                Assert.Equal(5672, address.Port);
            }
        }

        Assert.True(seen >= 5, $"only {seen} broker addresses found");
    }

    [GeneratedRegex(@"OrleansSweep__Cluster__(\w+)")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"(?:--role""?,?\s*""?|OrleansSweep__Cluster__Role[=:]\s*|name: OrleansSweep__Cluster__Role\s+value:\s*)([a-z]+)")]
    private static partial Regex RoleValue();

    [GeneratedRegex(@"(?:rabbitmq|amqp)://[^\s""']+")]
    private static partial Regex BrokerAddressText();
}
