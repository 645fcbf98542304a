using System.Diagnostics;

namespace OrleansSweep.Deploy.Tests.Support;

/// <summary>Runs the external checkers and programs (yamllint, systemd-analyze, shellcheck, python3, bash) with a bound on time.</summary>
internal static class Tools
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public const string InstallHint = "install the test tools with `bash tests/run.sh` (it apt-installs them), or `apt-get install -y yamllint shellcheck redis-server`";

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The path of a required tool; fails the test (never skips it) with how to install it when absent.</summary>
    public static string Require(string name)
    {
        var path = Path.IsPathRooted(name) ? (File.Exists(name) ? name : null) : Find(name);
        Assert.True(path is not null, $"{name} is not installed: {InstallHint}.");
        return path!;
    }

    /// <summary>
    /// Runs a program to its end; kills its whole tree and fails when it outlives <paramref name="timeout"/> (default 30 s).
    /// Output goes to files, not pipes, so a grandchild left running cannot keep the call waiting.
    /// </summary>
    public static Result Run(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("deploy-run-");
        try
        {
            var stdout = Path.Combine(folder.FullName, "out");
            var stderr = Path.Combine(folder.FullName, "err");
            var start = new ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                WorkingDirectory = workingDirectory ?? DeployFiles.Root,
            };
            // sh redirects the program's output into files: exec keeps the pid, so a timeout kills the program itself.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$OUT_FILE\" 2>\"$ERR_FILE\" </dev/null");
            start.ArgumentList.Add(Require(program));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["OUT_FILE"] = stdout;
            start.Environment["ERR_FILE"] = stderr;
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var limit = timeout ?? TimeSpan.FromSeconds(30);
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s:\n{Read(stdout)}{Read(stderr)}");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, Read(stdout), Read(stderr));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
