using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>
/// One run of one sweep on the cluster coordinator: its own <see cref="SweepCoordinator"/> (batched durable writes,
/// duplicate dropping, outputs at the end) and the counters that <c>sweep status</c> reports.
/// </summary>
/// <remarks>
/// A run ends completed, cancelled or failed; a resubmission then starts a fresh run, which resumes from the store.
/// Once ended, the run lets go of its plan and coordinator (memory stays bounded over many sweeps) and keeps only
/// its summary; late results then go straight to the store, which still drops duplicates by cell id.
/// </remarks>
internal sealed partial class SweepSession : IAsyncDisposable
{
    private readonly SweepStore store;
    private readonly SessionDispatcher dispatcher;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private SweepCoordinator? coordinator;
    private SweepPlan? plan;
    private SweepProgress? finalProgress;
    private int lateRecorded;
    private int lateDuplicates;
    private int recordedAtClose;
    private int disposed;
    private int duplicatesAtClose;

    public SweepSession(SweepPlan plan, bool failFast, SweepStore store, BusCellDispatcher bus, ISweepFinisher finisher, ILogger logger)
    {
        this.plan = plan;
        this.store = store;
        this.logger = logger;
        SweepId = plan.SweepId;
        Name = plan.Name;
        Total = plan.Cells.Count;
        FailFast = failFast;
        dispatcher = new SessionDispatcher(bus, logger);
        coordinator = new SweepCoordinator(store, dispatcher, finisher);
    }

    public Guid SweepId { get; }

    public string Name { get; }

    public int Total { get; }

    public bool FailFast { get; }

    public DateTime StartedUtc { get; } = DateTime.UtcNow;

    /// <summary>"running", "completed", "cancelled" or "failed".</summary>
    public string State { get; private set; } = "running";

    public string? Reason { get; private set; }

    public int Dispatched => dispatcher.Dispatched;

    public int Recorded => (coordinator?.CellsRecorded ?? recordedAtClose) + Volatile.Read(ref lateRecorded);

    public int Duplicates => (coordinator?.DuplicatesDropped ?? duplicatesAtClose) + Volatile.Read(ref lateDuplicates);

    public SweepProgress? Progress => coordinator?.Progress(SweepId) ?? finalProgress;

    /// <summary>Starts the run and waits for its end (or for <paramref name="shutdown"/>, leaving it resumable).</summary>
    public async Task RunAsync(CancellationToken shutdown)
    {
        // Launched in the background: the silo may have stopped (and disposed this run) before it gets here.
        if (Volatile.Read(ref disposed) == 1 || Volatile.Read(ref coordinator) is not { } current || plan is not { } startPlan)
        {
            return;
        }

        try
        {
            await current.StartAsync(startPlan, FailFast, stop.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return; // disposed between the check and the start: the store still says "running"
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Cancelled (or shut down) while dispatching: the outcome below says which.
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or SqliteException)
        {
            await EndAsync("failed", $"could not start: {exception.Message}").ConfigureAwait(false);
            return;
        }

        try
        {
            var outcome = await current.Completion(SweepId).WaitAsync(shutdown).ConfigureAwait(false);
            var failedFast = !outcome.Completed && FailFast && outcome.Failed > 0;
            await EndAsync(outcome.Completed ? "completed" : failedFast ? "failed" : "cancelled", outcome.StopReason).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // The silo stops: the store still says "running", so the next coordinator resumes the sweep.
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await EndAsync("failed", $"writing the outputs failed: {exception.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>Hands a result to this run; false when the run has ended (the caller records it in the store).</summary>
    public async Task<bool> TryAcceptAsync(CellAnalyzed result, CancellationToken cancellationToken)
    {
        if (coordinator is not { } current)
        {
            return false;
        }

        try
        {
            await current.AcceptAsync(result, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false; // the run ended between the check and the write
        }
    }

    /// <summary>Counts a result recorded after the run ended.</summary>
    public void CountLate(bool inserted) => Interlocked.Increment(ref inserted ? ref lateRecorded : ref lateDuplicates);

    public async Task CancelAsync(string reason, CancellationToken cancellationToken)
    {
        if (coordinator is { } current && State == "running" && Volatile.Read(ref disposed) == 0)
        {
            await stop.CancelAsync().ConfigureAwait(false); // stops a dispatch still in progress
            await current.CancelAsync(SweepId, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A replaced run is disposed when its successor starts, and again with the coordinator.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
        stop.Dispose();
    }

    private async Task EndAsync(string state, string? reason)
    {
        State = state;
        Reason = reason;
        if (state == "failed")
        {
            store.SetState(SweepId, "failed");
        }

        LogEnded(logger, SweepId, Name, state, reason ?? "");
        await CloseAsync().ConfigureAwait(false);
    }

    private async Task CloseAsync()
    {
        if (Volatile.Read(ref coordinator) is not { } current)
        {
            return;
        }

        // Counters are frozen before the coordinator is let go, and again after its last batch is flushed.
        Freeze(current);
        if (Interlocked.CompareExchange(ref coordinator, null, current) != current)
        {
            return;
        }

        await current.DisposeAsync().ConfigureAwait(false);
        Freeze(current);
        plan = null;
    }

    private void Freeze(SweepCoordinator current)
    {
        finalProgress = current.Progress(SweepId);
        recordedAtClose = current.CellsRecorded;
        duplicatesAtClose = current.DuplicatesDropped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} ({Name}) {State}. {Reason}")]
    private static partial void LogEnded(ILogger logger, Guid sweepId, string name, string state, string reason);
}
