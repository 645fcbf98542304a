using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;

namespace OrleansSweep.Grains.Cells;

/// <summary>
/// This silo's reports to the sweep grains: stored results queue here per sweep and go in one
/// <see cref="ISweepGrain.ReportManyAsync"/> call, each call carrying what queued while the previous one was in flight.
/// </summary>
/// <remarks>
/// <para>Why: with short cells, one report call per cell was a grain call and a sweep-grain turn per cell; batching
/// like group commit costs no latency when cells are long (a lone result goes at once) and gathers short cells'
/// results while the sweep grain is busy.</para>
/// <para>Guarantees as with one call per cell: only stored results are queued (the cell grain enqueues after its
/// write), a batch is retried with backoff until acknowledged, and the sweep counts each cell once however often it
/// hears of it. After <see cref="MaxAttempts"/> failed attempts the batch is dropped: the sweep grain asks those cells
/// again (its overdue timer) and they answer from storage, so nothing is lost, as when a silo dies with its queue.</para>
/// </remarks>
public sealed partial class CellReporter(IGrainFactory grains, ILogger<CellReporter> logger) : IDisposable
{
    /// <summary>About a minute of backoff: a restarting silo or sweep grain is waited for without recomputing.</summary>
    internal const int MaxAttempts = 8;

    private readonly Dictionary<Guid, Outbox> outboxes = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private long calls;

    /// <summary>Report calls made so far (tests and benchmarks: cells per call = reports / calls).</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>Queues a stored result, addressed to its sweep; sends it at once unless a call to that sweep is in flight.</summary>
    public void Enqueue(CellAnalyzed result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            if (!outboxes.TryGetValue(result.SweepId, out var outbox))
            {
                outboxes[result.SweepId] = outbox = new Outbox();
            }

            outbox.Pending.Add(result);
            if (outbox.Sending)
            {
                return; // the sender in flight takes it with the next batch
            }

            outbox.Sending = true;
        }

        // Off the calling grain's scheduler (the sender outlives the cell activation that enqueued it) and without its
        // execution context: a batch carries many cells, so its report call is a small trace of its own, not a branch
        // of whichever cell's trace happened to enqueue first.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => SendAsync(result.SweepId));
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task SendAsync(Guid sweepId)
    {
        var sweep = grains.GetGrain<ISweepGrain>(sweepId);
        while (TakeBatch(sweepId) is { } batch)
        {
            await DeliverAsync(sweep, sweepId, batch);
        }
    }

    /// <summary>Everything queued for the sweep, or null (and the sender stops) when nothing is.</summary>
    private List<CellAnalyzed>? TakeBatch(Guid sweepId)
    {
        lock (gate)
        {
            var outbox = outboxes[sweepId];
            if (outbox.Pending.Count == 0)
            {
                outbox.Sending = false;
                outboxes.Remove(sweepId); // a finished sweep leaves nothing behind
                return null;
            }

            var batch = outbox.Pending;
            outbox.Pending = [];
            return batch;
        }
    }

    private async Task DeliverAsync(ISweepGrain sweep, Guid sweepId, List<CellAnalyzed> batch)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                Interlocked.Increment(ref calls);
                await sweep.ReportManyAsync(batch);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogReportRetry(logger, exception, batch.Count, sweepId, attempt);
                try
                {
                    await Task.Delay(delay, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return; // the silo is stopping: the sweep asks these cells again where it resumes
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Count} cells to sweep {SweepId} failed (attempt {Attempt}); retrying")]
    private static partial void LogReportRetry(ILogger logger, Exception exception, int count, Guid sweepId, int attempt);

    private sealed class Outbox
    {
        public List<CellAnalyzed> Pending { get; set; } = [];

        public bool Sending { get; set; }
    }
}
