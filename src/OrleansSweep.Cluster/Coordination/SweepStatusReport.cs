using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>Builds a <see cref="SweepStatus"/>: counts from the store (the truth), rate and counters from the run, running cells from heartbeats.</summary>
internal static class SweepStatusReport
{
    public static SweepStatus Build(Guid sweepId, SweepStore store, SweepSession? session, string? rejection, SiloDirectory silos, string coordinator)
    {
        var live = silos.Live();
        var summaries = live.Select(s => new SiloSummary(s.Beat.Node, s.Beat.Concurrency, s.Beat.RunningBySweep.Values.Sum(), s.Beat.CellsComputed, s.AgeSeconds)).ToList();
        var running = live.Sum(s => s.Beat.RunningBySweep.GetValueOrDefault(sweepId));
        var stored = store.FindSweep(sweepId);
        if (stored is null)
        {
            return new SweepStatus(sweepId, rejection is null ? "unknown" : "failed", null, 0, 0, 0, running, 0, null,
                new Dictionary<string, int>(), summaries, 0, 0, 0, 0, rejection, DateTime.UtcNow, coordinator);
        }

        var counts = store.CountByStatus(sweepId);
        var done = counts.Values.Sum();
        var now = DateTimeOffset.UtcNow;
        var progress = session?.Progress;
        return new SweepStatus(
            sweepId,
            session?.State ?? stored.State,
            session?.Name ?? NameOf(stored.SpecJson),
            stored.CellCount,
            done,
            counts.GetValueOrDefault("failed"),
            running,
            progress?.Rate(now) ?? 0,
            progress?.EstimatedRemaining(now)?.TotalSeconds,
            store.CountByWorker(sweepId),
            summaries,
            progress?.Resumed ?? 0,
            session?.Dispatched ?? 0,
            session?.Recorded ?? 0,
            session?.Duplicates ?? 0,
            session?.Reason ?? rejection,
            session?.StartedUtc ?? DateTime.UtcNow,
            coordinator);
    }

    private static string? NameOf(string specJson)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(specJson);
            return document.RootElement.TryGetProperty("name", out var name) ? name.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
