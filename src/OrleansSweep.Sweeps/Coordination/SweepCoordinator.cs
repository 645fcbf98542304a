using System.Collections.Concurrent;
using System.Threading.Channels;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>
/// Collects cell results, drops duplicates by cell id, makes each one durable as soon as it arrives (batched
/// transactions), and writes the outputs when the last cell is in. Transport-agnostic: results come in through
/// <see cref="AcceptAsync"/>, cells go out through an <see cref="ICellDispatcher"/>.
/// </summary>
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
        var sweep = new ActiveSweep(plan, failFast, done, failed);
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
        await dispatcher.DispatchAsync(pending, cancellationToken).ConfigureAwait(false);
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
        var batch = new List<PendingResult>(MaxBatch);
        while (await inbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && inbox.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            IReadOnlyList<CellAnalyzed> inserted;
            try
            {
                inserted = store.Record(batch.ConvertAll(p => p.Result));
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // Not durable: the transport must not acknowledge; it will redeliver.
                batch.ForEach(p => p.Durable.TrySetException(exception));
                continue;
            }

            batch.ForEach(p => p.Durable.TrySetResult());
            CellsRecorded += inserted.Count;
            DuplicatesDropped += batch.Count - inserted.Count;
            foreach (var group in inserted.GroupBy(r => r.SweepId))
            {
                if (active.TryGetValue(group.Key, out var sweep))
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

        try
        {
            var results = store.Results(sweep.Plan.SweepId);
            var path = await finisher.FinishAsync(sweep.Plan, results, cancellationToken).ConfigureAwait(false);
            store.SetState(sweep.Plan.SweepId, "completed");
            var snapshot = sweep.Snapshot();
            sweep.Outcome.TrySetResult(new SweepOutcome(sweep.Plan.SweepId, true, snapshot.Total, snapshot.Failed, path, null));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            sweep.Outcome.TrySetException(exception);
        }
    }
}
