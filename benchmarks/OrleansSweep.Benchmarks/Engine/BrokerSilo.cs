using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// One silo of the broker probe as a real child process: the built <c>orleanssweep-silo</c> executable, its output
/// written straight to a log file (no pipe through the probe, so the probe's CPU time is its own).
/// </summary>
/// <remarks>
/// Started through <c>sh -c 'exec …'</c>, so the process id is the silo's own. One BLAS thread
/// (<c>OPENBLAS_NUM_THREADS=1</c>, as the silo also sets), no OTLP export (inherited <c>OTEL_*</c> removed).
/// <see cref="Dispose"/> kills what still runs; <see cref="StopAsync"/> asks first with SIGTERM.
/// </remarks>
internal sealed partial class BrokerSilo : IDisposable
{
    private const int SigTerm = 15;
    private const string LogVariable = "ORLEANSSWEEP_PROBE_LOG";
    private readonly Process process;
    private TimeSpan lastCpu;

    private BrokerSilo(string name, string logPath, Process process)
    {
        Name = name;
        LogPath = logPath;
        this.process = process;
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => process.HasExited;

    public static BrokerSilo Start(string executable, string name, string logFolder, IEnumerable<string> arguments)
    {
        var logPath = Path.Combine(logFolder, $"{name}.log");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$0\" \"$@\" > \"${LogVariable}\" 2>&1 < /dev/null");
        foreach (var argument in (IEnumerable<string>)[executable, "--name", name, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment[LogVariable] = logPath;
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        start.Environment["OMP_NUM_THREADS"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        return new BrokerSilo(name, logPath, process);
    }

    /// <summary>User + system CPU time of the silo so far (the last value read once it has exited).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            process.Refresh();
            if (!process.HasExited)
            {
                lastCpu = process.TotalProcessorTime;
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read: keep the last value.
        }

        return lastCpu;
    }

    /// <summary>Sends SIGTERM (the silo hands running cells back and stops its bus) without waiting.</summary>
    public void RequestStop()
    {
        if (!process.HasExited)
        {
            _ = Signal(process.Id, SigTerm);
        }
    }

    /// <summary>Waits until <paramref name="deadline"/> for the silo to exit after <see cref="RequestStop"/>, then kills it.</summary>
    public async Task WaitOrKillAsync(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        if (left > TimeSpan.Zero)
        {
            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(left, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Did not stop in time: killed below.
            }
        }

        Kill();
    }

    /// <summary>The last lines of the silo's log, for failure messages.</summary>
    public string Tail(int lines = 15)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {Name} ({LogPath}){Environment.NewLine}{string.Join(Environment.NewLine, all.TakeLast(lines))}";
        }
        catch (IOException exception)
        {
            return $"--- {Name}: log unreadable ({exception.Message})";
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Signal(int pid, int signal);
}
