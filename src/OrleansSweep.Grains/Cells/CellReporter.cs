using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;

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
/// write), and the sweep counts each cell once however often it hears of it. A failed call is retried with backoff
/// until acknowledged, and every retry carries the results queued meanwhile, so one failing batch never holds later
/// results back (with one call per cell, a cell's retries did not delay the next cell's report either). An attempt
/// that gets no answer within <see cref="AttemptTimeout"/> counts as failed (it may still land: a duplicate, counted
/// once). A result still unacknowledged after <see cref="GiveUpAfter"/> is dropped: the sweep grain asks that cell
/// again (its overdue timer) and it answers from storage, so nothing is lost, as when a silo dies with its queue.</para>
/// </remarks>
public sealed partial class CellReporter(IGrainFactory grains, ILogger<CellReporter> logger) : IDisposable
{
    /// <summary>How long one report call may take before it is retried (Orleans' own timeout is 30 s).</summary>
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>About a minute of retries: a Redis restart or a moving sweep grain is waited for without recomputing.</summary>
    internal static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

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

            outbox.Pending.Add(new Queued(result, Stopwatch.GetTimestamp()));
            if (outbox.Sending)
            {
                return; // the sender in flight takes it with the next call
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
        var sweep = grains.Sweep(sweepId);
        var backoff = TimeSpan.FromMilliseconds(100);
        while (TakeBatch(sweepId) is { } batch)
        {
            try
            {
                Interlocked.Increment(ref calls);
                await sweep.ReportManyAsync([.. batch.Select(q => q.Result)]).WaitAsync(AttemptTimeout, stopping.Token);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return; // the silo is stopping: the sweep asks these cells again where it resumes
                }

                LogReportRetry(logger, exception, batch.Count, sweepId);
                PutBack(sweepId, batch);
                await Task.Delay(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Everything queued for the sweep, or null (and the sender stops) when nothing is.</summary>
    private List<Queued>? TakeBatch(Guid sweepId)
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

    /// <summary>A failed batch goes back in front of what queued meanwhile, less what has waited too long.</summary>
    private void PutBack(Guid sweepId, List<Queued> batch)
    {
        var now = Stopwatch.GetTimestamp();
        var kept = batch.FindAll(q => Stopwatch.GetElapsedTime(q.Since, now) < GiveUpAfter);
        if (kept.Count < batch.Count)
        {
            LogGaveUp(logger, batch.Count - kept.Count, sweepId);
        }

        lock (gate)
        {
            var outbox = outboxes[sweepId];
            kept.AddRange(outbox.Pending);
            outbox.Pending = kept;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Count} cells to sweep {SweepId} failed; retrying")]
    private static partial void LogReportRetry(ILogger logger, Exception exception, int count, Guid sweepId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up reporting {Count} cells to sweep {SweepId}; the sweep will ask for them again")]
    private static partial void LogGaveUp(ILogger logger, int count, Guid sweepId);

    private sealed record Queued(CellAnalyzed Result, long Since);

    private sealed class Outbox
    {
        public List<Queued> Pending { get; set; } = [];

        public bool Sending { get; set; }
    }
}
