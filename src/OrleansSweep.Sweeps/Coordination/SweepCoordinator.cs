using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Storage;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>
/// Collects cell results, drops duplicates by cell id, makes each one durable as soon as it arrives (batched
/// transactions), and writes the outputs when the last cell is in. Transport-agnostic: results come in through
/// <see cref="AcceptAsync"/>, cells go out through an <see cref="ICellDispatcher"/>.
/// </summary>
/// <remarks>
/// Telemetry: <c>dispatch</c> and <c>outputs</c> spans under the sweep span; the cells are handed to the transport
/// outside any trace, so each cell's messages and spans form a trace of their own (linked back by the cell span).
/// Counts completed, failed and redelivered results, the size and latency of every store transaction.
/// </remarks>
public sealed class SweepCoordinator : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly SweepStore store;
    private readonly ICellDispatcher dispatcher;
    private readonly ISweepFinisher finisher;
    private readonly ConcurrentDictionary<Guid, ActiveSweep> active = new();
    private readonly Channel<PendingResult> inbox = Channel.CreateUnbounded<PendingResult>(new() { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task writer;
    private int disposed;

    public SweepCoordinator(SweepStore store, ICellDispatcher dispatcher, ISweepFinisher finisher)
    {
        this.store = store;
        this.dispatcher = dispatcher;
        this.finisher = finisher;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Raised after every recorded batch (and at start) with the sweep's progress.</summary>
    public event Action<SweepProgress>? ProgressChanged;

    /// <summary>Cells recorded by this coordinator instance (not resumed): a counter for tests and metrics.</summary>
    public int CellsRecorded { get; private set; }

    /// <summary>Duplicates dropped by cell id (redeliveries, recomputations).</summary>
    public int DuplicatesDropped { get; private set; }

    /// <summary>Starts or resumes a sweep: records it, then dispatches only the cells without a stored result.</summary>
    public async Task<SweepProgress> StartAsync(SweepPlan plan, bool failFast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, plan.Cells.Count);
        store.SetState(plan.SweepId, "running");
        var done = store.CompletedCellIds(plan.SweepId);
        var failed = store.CountByStatus(plan.SweepId).GetValueOrDefault("failed");
        var sweep = new ActiveSweep(plan, failFast, done, failed) { TraceContext = ActiveSweep.TraceContextOf(plan.SweepId) };
        if (!active.TryAdd(plan.SweepId, sweep))
        {
            throw new InvalidOperationException($"Sweep {plan.SweepId} is already running in this coordinator.");
        }

        var progress = sweep.Snapshot();
        ProgressChanged?.Invoke(progress);
        if (progress.IsComplete)
        {
            await FinishAsync(sweep, cancellationToken).ConfigureAwait(false);
            return progress;
        }

        var pending = plan.Cells.Select(c => c.Command).Where(c => !done.Contains(c.CellId)).ToList();
        using var span = SweepTelemetry.StartDispatch(sweep.TraceContext, plan.SweepId, pending.Count, done.Count);
        SweepTelemetry.MarkDispatched(plan.SweepId);
        try
        {
            // Each cell's messages start a trace of their own: a 10,000-cell sweep must not be one giant trace.
            using (SweepTelemetry.DetachTrace())
            {
                await dispatcher.DispatchAsync(pending, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            SweepTelemetry.RecordException(span, exception);
            throw;
        }

        return progress;
    }

    /// <summary>
    /// Accepts a result from a worker (any order, any number of times). Completes once the result is durable,
    /// so a transport may acknowledge the message only after it can no longer be lost.
    /// </summary>
    public async Task AcceptAsync(CellAnalyzed result, CancellationToken cancellationToken)
    {
        var pending = new PendingResult(result, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await inbox.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        await pending.Durable.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when the sweep has finished (outputs written) or stopped.</summary>
    public Task<SweepOutcome> Completion(Guid sweepId) =>
        active.TryGetValue(sweepId, out var sweep) ? sweep.Outcome.Task : throw new KeyNotFoundException($"Sweep {sweepId} is not running here.");

    public SweepProgress? Progress(Guid sweepId) => active.TryGetValue(sweepId, out var sweep) ? sweep.Snapshot() : null;

    /// <summary>Stops a sweep: workers are told to cancel, results already stored stay, a re-run resumes.</summary>
    public async Task CancelAsync(Guid sweepId, string reason, CancellationToken cancellationToken)
    {
        if (active.TryGetValue(sweepId, out var sweep) && sweep.TryStop())
        {
            await dispatcher.CancelAsync(sweepId, cancellationToken).ConfigureAwait(false);
            store.SetState(sweepId, "cancelled");
            SweepTelemetry.ForgetSweep(sweepId);
            sweep.Outcome.TrySetResult(sweep.StoppedOutcome(reason));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        inbox.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        // A background loop for the coordinator's lifetime: it must not run inside whatever span built the coordinator.
        Activity.Current = null;
        var batch = new List<PendingResult>(MaxBatch);
        while (await inbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && inbox.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            IReadOnlyList<CellAnalyzed> inserted;
            var started = Stopwatch.GetTimestamp();
            try
            {
                inserted = store.Record(batch.ConvertAll(p => p.Result));
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // Not durable: the transport must not acknowledge; it will redeliver.
                SweepTelemetry.RecordStoreWrite(batch.Count, Stopwatch.GetElapsedTime(started), succeeded: false);
                batch.ForEach(p => p.Durable.TrySetException(exception));
                continue;
            }

            SweepTelemetry.RecordStoreWrite(batch.Count, Stopwatch.GetElapsedTime(started), succeeded: true);
            batch.ForEach(p => p.Durable.TrySetResult());
            CellsRecorded += inserted.Count;
            DuplicatesDropped += batch.Count - inserted.Count;
            SweepTelemetry.RecordRedelivered(batch.Count - inserted.Count);
            foreach (var group in inserted.GroupBy(r => r.SweepId))
            {
                active.TryGetValue(group.Key, out var sweep);
                foreach (var result in group)
                {
                    SweepTelemetry.RecordCellRecorded(sweep?.Plan.Model, result.Status);
                }

                if (sweep is not null)
                {
                    await OnRecordedAsync(sweep, group.ToList()).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task OnRecordedAsync(ActiveSweep sweep, IReadOnlyList<CellAnalyzed> recorded)
    {
        sweep.Add(recorded);
        var progress = sweep.Snapshot();
        ProgressChanged?.Invoke(progress);
        if (sweep.FailFast && progress.Failed > 0)
        {
            var firstError = recorded.FirstOrDefault(r => r.Status == "failed")?.Error ?? "a cell failed";
            await CancelAsync(sweep.Plan.SweepId, $"--fail-fast: {firstError}", stopping.Token).ConfigureAwait(false);
        }
        else if (progress.IsComplete)
        {
            await FinishAsync(sweep, stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(ActiveSweep sweep, CancellationToken cancellationToken)
    {
        if (!sweep.TryStop())
        {
            return;
        }

        SweepTelemetry.ForgetSweep(sweep.Plan.SweepId); // every cell is in; the coordinator's own spans use sweep.TraceContext
        SweepOutcome? outcome = null;
        Exception? failure = null;
        using (var span = SweepTelemetry.StartOutputs(sweep.TraceContext, sweep.Plan.SweepId, sweep.Plan.Cells.Count, sweep.Snapshot().Failed))
        {
            try
            {
                var results = store.Results(sweep.Plan.SweepId);
                var path = await finisher.FinishAsync(sweep.Plan, results, cancellationToken).ConfigureAwait(false);
                store.SetState(sweep.Plan.SweepId, "completed");
                var snapshot = sweep.Snapshot();
                outcome = new SweepOutcome(sweep.Plan.SweepId, true, snapshot.Total, snapshot.Failed, path, null);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                SweepTelemetry.RecordException(span, exception);
                failure = exception;
            }
        }

        // Completed only once the outputs span has ended, so whoever awaits the sweep sees all of its trace.
        if (failure is not null)
        {
            sweep.Outcome.TrySetException(failure);
        }
        else
        {
            sweep.Outcome.TrySetResult(outcome!);
        }
    }
}
