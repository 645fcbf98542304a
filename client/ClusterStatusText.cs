using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Client;

/// <summary>Renders a <see cref="SweepStatus"/> for people, and as the progress <see cref="ProgressLine"/> draws.</summary>
internal static class ClusterStatusText
{
    public static void Write(SweepStatus status, TextWriter output)
    {
        var eta = status.EtaSeconds is { } seconds ? TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
        output.WriteLine($"sweep {status.SweepId} ({status.Name ?? "?"}): {status.State}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cells:  {status.Done}/{status.Total} done, {status.Failed} failed, {status.Running} running; {status.CellsPerSecond:F2} cells/s, ETA {eta}"));
        if (status.Reason is { } reason)
        {
            output.WriteLine($"  reason: {reason}");
        }

        if (status.CellsBySilo.Count > 0)
        {
            output.WriteLine($"  done by silo: {string.Join(", ", status.CellsBySilo.Select(s => $"{s.Key} {s.Value}"))}");
        }

        foreach (var silo in status.Silos)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  silo {silo.Node}: {silo.RunningCells}/{silo.Concurrency} running, {silo.CellsComputed} computed, heard {silo.SecondsSinceHeartbeat:F1} s ago"));
        }

        output.WriteLine($"  coordinator {status.Coordinator}: resumed {status.Resumed}, dispatched {status.Dispatched}, recorded {status.Recorded}, duplicates dropped {status.DuplicatesDropped}");
    }

    public static SweepProgress Progress(SweepStatus status) => new(
        status.SweepId, status.Total, status.Done, status.Failed, status.Resumed, new DateTimeOffset(DateTime.SpecifyKind(status.StartedUtc, DateTimeKind.Utc)));

    /// <summary>The exit code a finished sweep stands for.</summary>
    public static int ExitCode(SweepStatus status) => status.State switch
    {
        "completed" => status.Failed == 0 ? ExitCodes.Success : ExitCodes.CellsFailed,
        "cancelled" => ExitCodes.Interrupted,
        "unknown" => ExitCodes.NotFound,
        "running" => ExitCodes.Success,
        _ => ExitCodes.CellsFailed,
    };
}
