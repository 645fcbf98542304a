using System.Text.RegularExpressions;
using OrleansSweep.Deploy.Tests.Support;

namespace OrleansSweep.Deploy.Tests;

/// <summary>deploy/local-cluster.sh without starting anything: syntax, lint, usage, loopback only, scratch Redis.</summary>
public sealed partial class LocalClusterScriptTests
{
    private const string Script = "deploy/local-cluster.sh";

    private static string Text => DeployFiles.Text(Script);

    [Fact]
    public void Passes_bash_n_and_shellcheck_when_installed()
    {
        var syntax = Tools.Run("bash", ["-n", Script]);
        Assert.True(syntax.ExitCode == 0, syntax.Errors);
        if (Tools.Find("shellcheck") is not null)
        {
            var lint = Tools.Run("shellcheck", [Script]);
            Assert.True(lint.ExitCode == 0, $"shellcheck {Script}:\n{lint.Output}{lint.Errors}");
        }
    }

    [Fact]
    public void Rejects_a_bad_silo_count_and_an_unknown_command_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("deploy-script-");
        try
        {
            var environment = new Dictionary<string, string> { ["ORLEANSSWEEP_CLUSTER_DIR"] = folder.FullName };
            foreach (var arguments in new[] { new[] { "start", "0" }, ["start", "two"], ["restart"] })
            {
                var run = Tools.Run("bash", [Script, .. arguments], environment: environment);
                Assert.Equal(2, run.ExitCode);
                Assert.Contains("usage: local-cluster.sh", run.Errors, StringComparison.Ordinal);
            }

            var stop = Tools.Run("bash", [Script, "stop"], environment: environment);
            Assert.Equal(0, stop.ExitCode);
            Assert.Contains("nothing to stop", stop.Output, StringComparison.Ordinal);
            var status = Tools.Run("bash", [Script, "status"], environment: environment);
            Assert.Equal(0, status.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Uses_loopback_only()
    {
        Assert.Contains("\nhost=127.0.0.1\n", Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0", Text, StringComparison.Ordinal);
        foreach (var option in new[] { "--bind", "--address", "--dashboard-host" })
        {
            Assert.Matches($@"{option} ""\$host""", Text);
        }
    }

    [Fact]
    public void Redis_is_a_scratch_without_persistence_in_its_own_folder()
    {
        var redis = RedisStart().Match(Text);
        Assert.True(redis.Success, "no redis-server command found");
        foreach (var part in new[] { "--save \"\"", "--appendonly no", "--dir \"$dir/redis\"", "--protected-mode yes", "--daemonize yes", "--pidfile" })
        {
            Assert.Contains(part, redis.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Stop_escalates_from_SIGTERM_to_SIGKILL_after_a_bounded_grace_period()
    {
        Assert.Contains("kill -TERM", Text, StringComparison.Ordinal);
        Assert.Contains("kill -KILL", Text, StringComparison.Ordinal);
        Assert.Contains("stop_grace=${ORLEANSSWEEP_STOP_GRACE:-30}", Text, StringComparison.Ordinal);
        Assert.Contains("start_timeout=${ORLEANSSWEEP_START_TIMEOUT:-120}", Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"redis-server --bind[^<]*<")]
    private static partial Regex RedisStart();
}
