using System.Diagnostics;

namespace OrleansSweep.Deploy.Tests.Support;

/// <summary>Runs the external checkers (yamllint, systemd-analyze, python3) with a bound on time.</summary>
internal static class Tools
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public const string InstallHint = "install the test tools with `bash tests/run.sh` (it apt-installs yamllint), or `apt-get install -y yamllint`";

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The path of a required tool; fails the test (never skips it) with how to install it when absent.</summary>
    public static string Require(string name)
    {
        var path = Find(name);
        Assert.True(path is not null, $"{name} is not installed: {InstallHint}.");
        return path!;
    }

    public static Result Run(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Require(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? DeployFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within 30 s");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, errors.Result);
    }
}
