using System.Diagnostics;

namespace OrleansSweep.Client.Tests.Support;

/// <summary>Runs the real <c>sweep</c> executable (the built client) as a child process.</summary>
internal static class SweepProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs to completion (bounded by <paramref name="timeout"/>) and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sweep {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
