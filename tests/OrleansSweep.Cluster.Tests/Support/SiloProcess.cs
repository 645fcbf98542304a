using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>A silo running as a real child process (<c>dotnet exec orleanssweep-silo.dll</c>), its output in a log file.</summary>
internal sealed partial class SiloProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly StreamWriter log;

    private SiloProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public string LogPath { get; private init; } = "";

    public bool HasExited => process.HasExited;

    /// <param name="name">The silo's node name.</param>
    /// <param name="logFolder">Where its log file goes.</param>
    /// <param name="arguments">Its switches.</param>
    /// <param name="environment">Variables set for the process (e.g. OTEL_*); inherited OTEL_* variables are removed.</param>
    public static SiloProcess Start(string name, string logFolder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(RepositoryFiles.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        ProcessRunner.SetEnvironment(start, environment);
        foreach (var argument in (IEnumerable<string>)["exec", RepositoryFiles.SiloDll, "--name", name, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var logPath = Path.Combine(logFolder, $"{name}-{DateTime.UtcNow:HHmmssfff}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(name, process, log) { LogPath = logPath };
    }

    /// <summary>kill -9: no shutdown code runs, unacknowledged commands go back to the broker.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as a service manager stops a silo; waits (bounded) for the process to end.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = Signal(process.Id, SigTerm);
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
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
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Signal(int pid, int signal);
}
