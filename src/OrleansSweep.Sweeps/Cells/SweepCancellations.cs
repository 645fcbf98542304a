using System.Collections.Concurrent;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>Per-sweep cancellation on a worker: <c>sweep cancel</c> stops the sweep's running cells promptly.</summary>
/// <remarks>
/// Running cells register a scope; cancelling a sweep cancels every registered scope and remembers the sweep for
/// <see cref="Retention"/> (so late commands are dropped), after which the entry is pruned — memory stays bounded
/// over thousands of sweeps. Resubmitting a cancelled sweep calls <see cref="Resume"/>.
/// </remarks>
public sealed class SweepCancellations
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> cancelled = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<CancellationTokenSource, byte>> running = new();

    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(10);

    public bool IsCancelled(Guid sweepId) => cancelled.ContainsKey(sweepId);

    /// <summary>Registers a running cell; the scope's token fires on <paramref name="outer"/> or on a cancel of the sweep.</summary>
    public CellScope Enter(Guid sweepId, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        var scopes = running.GetOrAdd(sweepId, _ => new ConcurrentDictionary<CancellationTokenSource, byte>());
        scopes[source] = 0;
        if (IsCancelled(sweepId))
        {
            source.Cancel();
        }

        return new CellScope(source, () => scopes.TryRemove(source, out _));
    }

    public void Cancel(Guid sweepId)
    {
        Prune();
        cancelled[sweepId] = DateTimeOffset.UtcNow;
        if (running.TryGetValue(sweepId, out var scopes))
        {
            foreach (var source in scopes.Keys)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>Forgets a cancellation, so a resubmitted sweep runs again.</summary>
    public void Resume(Guid sweepId) => cancelled.TryRemove(sweepId, out _);

    private void Prune()
    {
        var horizon = DateTimeOffset.UtcNow - Retention;
        foreach (var (id, at) in cancelled)
        {
            if (at < horizon)
            {
                cancelled.TryRemove(id, out _);
                running.TryRemove(id, out _);
            }
        }
    }
}

/// <summary>A running cell's cancellation scope; dispose when the cell ends.</summary>
public sealed class CellScope(CancellationTokenSource source, Action onExit) : IDisposable
{
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        onExit();
        source.Dispose();
    }
}
