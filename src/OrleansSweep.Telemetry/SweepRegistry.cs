using System.Diagnostics;

namespace OrleansSweep.Telemetry;

/// <summary>
/// This process's memory of the sweeps it is running: each sweep span's context and when its cells were last
/// dispatched here. Entries are forgotten when their sweep stops, and the memory is bounded (oldest first) in case
/// a long-lived process never sees some sweeps stop.
/// </summary>
internal static class SweepRegistry
{
    internal const int Capacity = 1024;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<Guid, Entry> BySweep = [];
    private static long sequence;

    public static void Remember(Guid sweepId, ActivityContext context)
    {
        lock (Gate)
        {
            Put(sweepId, BySweep.TryGetValue(sweepId, out var entry) ? entry with { Context = context } : new Entry(context, null, 0));
        }
    }

    public static void MarkDispatched(Guid sweepId, long timestamp)
    {
        lock (Gate)
        {
            Put(sweepId, BySweep.TryGetValue(sweepId, out var entry) ? entry with { DispatchedAt = timestamp } : new Entry(default, timestamp, 0));
        }
    }

    public static void Forget(Guid sweepId)
    {
        lock (Gate)
        {
            BySweep.Remove(sweepId);
        }
    }

    public static (ActivityContext Context, long? DispatchedAt) Find(Guid sweepId)
    {
        lock (Gate)
        {
            return BySweep.TryGetValue(sweepId, out var entry) ? (entry.Context, entry.DispatchedAt) : (default, null);
        }
    }

    private static void Put(Guid sweepId, Entry entry)
    {
        BySweep[sweepId] = entry with { Sequence = ++sequence };
        if (BySweep.Count > Capacity)
        {
            BySweep.Remove(BySweep.MinBy(e => e.Value.Sequence).Key); // O(capacity), and only past the bound
        }
    }

    private sealed record Entry(ActivityContext Context, long? DispatchedAt, long Sequence);
}
