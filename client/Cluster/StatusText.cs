using System.Globalization;
using OrleansSweep.Contracts;

namespace OrleansSweep.Client.Cluster;

/// <summary>How the cluster commands print a sweep's status.</summary>
internal static class StatusText
{
    public static string Render(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"sweep {status.SweepId} ({status.Name ?? "?"}): {status.State}, on silo {status.Host}"),
            string.Create(CultureInfo.InvariantCulture,
                $"  cells: {status.Done}/{status.Total} done, {status.Failed} failed, {status.InFlight} in flight, {status.CellsPerSecond:F2} cells/s")
                + (status.EtaSeconds is { } eta ? ", ETA " + TimeSpan.FromSeconds(eta).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : ""),
            string.Create(CultureInfo.InvariantCulture,
                $"  this activation: {status.Resumed} resumed, {status.Reported} reports, {status.DuplicatesDropped} duplicates dropped, since {status.StartedUtc:u}"),
        };
        lines.AddRange(status.CellsBySilo.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"  silo {kv.Key}: {kv.Value} cells"));
        if (status.Reason is { } reason)
        {
            lines.Add($"  reason: {reason}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
