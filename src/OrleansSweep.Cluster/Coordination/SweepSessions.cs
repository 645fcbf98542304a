using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Sweeps.Storage;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Cluster.Coordination;

/// <summary>
/// The cluster coordinator: one <see cref="SweepSession"/> per running sweep, started by <see cref="StartSweep"/> or
/// resumed from the store after a restart, and the routing of every cell result to its sweep's session.
/// </summary>
/// <remarks>
/// A sweep's outputs go to <c>&lt;data&gt;/&lt;sweep id&gt;/</c> on the coordinator (<see cref="StartSweep.OutputFolder"/>
/// is ignored: a client's path means nothing on the coordinator's machine); <c>sweep results</c> fetches them.
/// The submitted spec is re-validated here, with the memory check relaxed to one cell at a time, because the
/// coordinator computes no cells: the submitting client already checked the memory for the workers.
/// </remarks>
internal sealed partial class SweepSessions(
    SweepStore store, BusCellDispatcher bus, ISweepFinisher finisher, SiloDirectory silos, CoordinatorPaths paths, ClusterOptions options, ILogger<SweepSessions> logger)
    : IResultSink, IAsyncDisposable
{
    private static readonly MachineProfile CoordinatorMachine = new(1, long.MaxValue / 4);
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, SweepSession> sessions = [];
    private readonly Dictionary<Guid, string> rejected = [];
    private readonly CancellationTokenSource shutdown = new();
    private int disposed;
    public async Task AcceptAsync(CellAnalyzed result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var session = Find(result.SweepId);
        if (session is not null && await session.TryAcceptAsync(result, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // No running session (ended, cancelled, or not resumed yet): the store alone keeps results exactly-once.
        var inserted = store.Record([result]).Count == 1;
        session?.CountLate(inserted);
    }

    /// <summary>Starts or resumes a submitted sweep; a sweep already running here is left alone.</summary>
    /// <param name="command">The submitted sweep.</param>
    /// <param name="sweepContext">The client's sweep span (from the message header); default when the client sent none.</param>
    public void Start(StartSweep command, ActivityContext sweepContext = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        SweepPlan plan;
        try
        {
            plan = Plan(command.SpecJson, command.SweepId);
        }
        catch (Exception exception) when (exception is SpecValidationException or InvalidDataException)
        {
            Reject(command.SweepId, exception is SpecValidationException spec ? string.Join("; ", spec.Errors.Select(e => $"{e.Field}: {e.Message}")) : exception.Message);
            return;
        }

        store.EnsureSweep(plan.SweepId, plan.Fingerprint, plan.SpecJson, plan.Cells.Count);
        store.SetFailFast(plan.SweepId, command.FailFast);
        store.SetState(plan.SweepId, "running");
        Launch(plan, command.FailFast, sweepContext);
    }

    /// <summary>Resumes every sweep the store says is running and that has no session here.</summary>
    public void ResumeRunning()
    {
        foreach (var stored in store.SweepsInState("running").Where(s => Find(s.SweepId) is null))
        {
            try
            {
                Launch(Plan(stored.SpecJson, stored.SweepId), store.IsFailFast(stored.SweepId));
                LogResumed(logger, stored.SweepId);
            }
            catch (Exception exception) when (exception is SpecValidationException or InvalidDataException)
            {
                store.SetState(stored.SweepId, "failed");
                Reject(stored.SweepId, $"the stored spec no longer plans ({exception.Message}); resubmit it");
            }
        }
    }

    public async Task CancelAsync(Guid sweepId, CancellationToken cancellationToken)
    {
        if (Find(sweepId) is { State: "running" } session)
        {
            await session.CancelAsync("cancelled by the user", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not running here (e.g. not resumed yet): keep it from resuming and stop the workers all the same.
        if (store.FindSweep(sweepId) is { State: "running" })
        {
            store.SetState(sweepId, "cancelled");
        }

        await bus.CancelAsync(sweepId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and as IResultSink: the container disposes the one instance twice.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await shutdown.CancelAsync().ConfigureAwait(false);
        List<SweepSession> all;
        lock (gate)
        {
            all = [.. sessions.Values];
        }

        foreach (var session in all)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        shutdown.Dispose();
    }

    private SweepSession? Find(Guid sweepId)
    {
        lock (gate)
        {
            return sessions.GetValueOrDefault(sweepId);
        }
    }

    private SweepPlan Plan(string specJson, Guid expectedId)
    {
        var sweep = SpecLoader.Parse(specJson, "submitted spec", CoordinatorMachine);
        var plan = SweepPlanner.Plan(sweep, paths.OutputFolder(SweepPlanner.SweepIdOf(sweep.Fingerprint)), shutdown.Token);
        if (plan.SweepId != expectedId)
        {
            throw new InvalidDataException(
                $"the coordinator plans this spec as sweep {plan.SweepId}, the client as {expectedId}: the client and the silos run different versions");
        }

        SweepMarker.For(sweep).Write(plan.OutputFolder);
        return plan;
    }

    private void Launch(SweepPlan plan, bool failFast, ActivityContext sweepContext = default)
    {
        SweepSession session;
        SweepSession? previous;
        lock (gate)
        {
            previous = sessions.GetValueOrDefault(plan.SweepId);
            if (previous is { State: "running" })
            {
                LogAlreadyRunning(logger, plan.SweepId);
                return;
            }

            session = new SweepSession(plan, failFast, store, bus, finisher, logger);
            sessions[plan.SweepId] = session;
            rejected.Remove(plan.SweepId);
        }

        LogStarting(logger, plan.SweepId, plan.Name, plan.Cells.Count, options.NodeName);
        _ = Task.Run(async () =>
        {
            if (previous is not null)
            {
                await previous.DisposeAsync().ConfigureAwait(false);
            }

            if (sweepContext != default)
            {
                // After the previous run let go (it forgets its sweep's span), before the coordinator looks it up.
                SweepTelemetry.RememberSweep(plan.SweepId, sweepContext);
            }

            await session.RunAsync(shutdown.Token).ConfigureAwait(false);
        });
    }

    private void Reject(Guid sweepId, string reason)
    {
        lock (gate)
        {
            rejected[sweepId] = reason;
        }

        LogRejected(logger, sweepId, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} ({Name}, {Cells} cells) starts on coordinator {Node}")]
    private static partial void LogStarting(ILogger logger, Guid sweepId, string name, int cells, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} was running when the coordinator stopped: resuming it")]
    private static partial void LogResumed(ILogger logger, Guid sweepId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} is already running here; the resubmission is ignored")]
    private static partial void LogAlreadyRunning(ILogger logger, Guid sweepId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid sweepId, string reason);
}
