using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Cluster.Workers;

/// <summary>
/// A worker's per-sweep time fences: which cell commands are still wanted, and which running cells must stop.
/// </summary>
/// <remarks>
/// Decisions compare a command's send time with the sweep's fences, both stamped by the coordinator's clock:
/// <list type="bullet">
/// <item>a cancel at time C stops running cells sent before C and drops queued ones sent before C;</item>
/// <item>a (re)dispatch at time D drops queued commands sent before D, because the new dispatch covers every
/// cell still missing (running ones are left to finish: their results are wanted).</item>
/// </list>
/// Commands sent after a fence are never touched, so a resubmission right after a cancel cannot lose a cell to a
/// late cancel (the failure mode of a plain "cancelled" flag that must be cleared again). An unknown send time
/// counts as "not stale" (never drop what may be the only copy) but is stopped by a cancel. Fences are pruned
/// after <see cref="Retention"/>: memory stays bounded; a command older than that merely runs as a duplicate.
/// One lock guards both maps, so a cancel and a cell entering at the same moment cannot miss each other.
/// </remarks>
public sealed class SweepFences
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Fence> fences = [];
    private readonly Dictionary<CancellationTokenSource, (Guid SweepId, DateTime? SentUtc)> running = [];

    /// <summary>How long a fence is remembered after it was last raised.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>True when the command was superseded by a later dispatch or cancel of its sweep.</summary>
    public bool IsStale(Guid sweepId, DateTime? sentUtc)
    {
        lock (gate)
        {
            return sentUtc is { } sent && fences.TryGetValue(sweepId, out var fence) && Utc(sent) < fence.DropBefore;
        }
    }

    /// <summary>Registers a running cell; its token fires on <paramref name="outer"/> or on a later cancel of its sweep.</summary>
    public CellScope Enter(Guid sweepId, DateTime? sentUtc, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        lock (gate)
        {
            running[source] = (sweepId, sentUtc);
            if (fences.TryGetValue(sweepId, out var fence) && StoppedBy(fence, sentUtc))
            {
                source.Cancel();
            }
        }

        return new CellScope(source, () =>
        {
            lock (gate)
            {
                running.Remove(source);
            }
        });
    }

    /// <summary>Cancels the sweep as of <paramref name="atUtc"/>: running and queued commands sent earlier stop.</summary>
    public void Cancel(Guid sweepId, DateTime atUtc)
    {
        var cancelled = new List<CancellationTokenSource>();
        lock (gate)
        {
            var fence = Raise(sweepId, Utc(atUtc), cancel: true);
            cancelled.AddRange(running.Where(r => r.Value.SweepId == sweepId && StoppedBy(fence, r.Value.SentUtc)).Select(r => r.Key));
        }

        // Outside the lock: cancellation callbacks run synchronously and may end a cell, whose scope takes the lock.
        foreach (var source in cancelled)
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The cell ended between the snapshot and now: nothing left to stop.
            }
        }
    }

    /// <summary>The sweep was (re)dispatched at <paramref name="atUtc"/>: queued commands sent earlier are superseded.</summary>
    public void Supersede(Guid sweepId, DateTime atUtc)
    {
        lock (gate)
        {
            Raise(sweepId, Utc(atUtc), cancel: false);
        }
    }

    /// <summary>Cells running now, by sweep.</summary>
    public IReadOnlyDictionary<Guid, int> RunningBySweep()
    {
        lock (gate)
        {
            return running.Values.GroupBy(r => r.SweepId).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    private Fence Raise(Guid sweepId, DateTime at, bool cancel)
    {
        var now = DateTime.UtcNow;
        foreach (var stale in fences.Where(f => now - f.Value.RaisedUtc > Retention).Select(f => f.Key).ToList())
        {
            fences.Remove(stale);
        }

        var old = fences.GetValueOrDefault(sweepId) ?? new Fence(DateTime.MinValue, DateTime.MinValue, now);
        var fence = new Fence(Max(old.DropBefore, at), cancel ? Max(old.CancelledBefore, at) : old.CancelledBefore, now);
        fences[sweepId] = fence;
        return fence;
    }

    private static bool StoppedBy(Fence fence, DateTime? sentUtc) =>
        fence.CancelledBefore > DateTime.MinValue && (sentUtc is not { } sent || Utc(sent) < fence.CancelledBefore);

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private sealed record Fence(DateTime DropBefore, DateTime CancelledBefore, DateTime RaisedUtc);
}
