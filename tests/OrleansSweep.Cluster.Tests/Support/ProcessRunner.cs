using System.Diagnostics;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>Runs a short-lived command to its end (bounded) and captures its output.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        SetEnvironment(start, environment);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the sweep command (the built client) with <paramref name="arguments"/>.</summary>
    public static Task<Result> SweepAsync(params string[] arguments) => SweepAsync(null, arguments);

    /// <summary>Runs the sweep command with <paramref name="environment"/> set (see <see cref="SetEnvironment"/>).</summary>
    public static Task<Result> SweepAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunAsync(RepositoryFiles.DotnetHost, ["exec", RepositoryFiles.ClientDll, .. arguments], TimeSpan.FromMinutes(2), environment);

    /// <summary>
    /// Removes every inherited <c>OTEL_*</c> variable (a developer's exporter must not change what a test sees), then
    /// sets <paramref name="environment"/>.
    /// </summary>
    public static void SetEnvironment(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
    }
}
