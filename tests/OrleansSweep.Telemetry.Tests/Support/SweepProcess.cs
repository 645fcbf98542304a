using System.Diagnostics;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>Runs the real <c>sweep</c> executable (copied here by the client reference) with a chosen environment.</summary>
internal static class SweepProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "sweep.dll");

    /// <summary>
    /// Runs to completion (bounded by <paramref name="timeout"/>). Every inherited <c>OTEL_*</c> variable is removed
    /// first, so only <paramref name="environment"/> configures the export.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
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
