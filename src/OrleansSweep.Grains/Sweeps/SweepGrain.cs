using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansSweep.Contracts;
using OrleansSweep.Contracts.Grains;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// One sweep (key: its sweep id, a function of the spec's fingerprint). Dispatches the cells through a bounded window,
/// counts each exactly once, stores compact progress, honours cancel and fail-fast, and resumes on re-activation.
/// </summary>
/// <remarks>
/// What is stored: a small <see cref="SweepRecord"/> (at start, stop and completion) and, for a grid sweep,
/// <see cref="ProgressShard"/>s (flushed each tick when changed); a refined sweep replays its rounds from the stored
/// cells (<see cref="ISweepSchedule"/>). Results are stored by the cell grains before they report, so a report lost with
/// this activation is never a lost result: the re-activated grain finds the cell uncounted, asks it again, and the
/// cell grain answers from storage without computing. A reminder wakes the grain after a crash with nobody calling.
/// </remarks>
public sealed partial class SweepGrain(
    [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<SweepRecord> record,
    IOptions<SweepGrainOptions> options,
    IOptions<Execution.CellExecutorOptions> silo,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    private readonly SweepGrainOptions settings = options.Value;
    private readonly Dictionary<string, int> cellsBySilo = [];
    private SweepPlan? plan;
    private ISweepSchedule? schedule;
    private DateTime startedUtc = DateTime.UtcNow;
    private int resumed;
    private int countedHere;
    private long reported;
    private long duplicates;

    private Guid SweepId => this.GetPrimaryKey();

    private ISweepRegistryGrain Registry => GrainFactory.GetGrain<ISweepRegistryGrain>(0);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (record.State.State == SweepStates.Running)
        {
            await LoadAsync(cancellationToken);
            await Registry.RegisterAsync(SweepId); // woken by a reminder after a crash: silos must find it again
        }

        this.RegisterGrainTimer(TickAsync, settings.TickPeriod, settings.TickPeriod);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await FlushAsync(cancellationToken);

    public async Task<SweepStatus> StartAsync(StartSweep command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sweep = Validate(command);
        if (record.State.State == SweepStates.Completed)
        {
            return Status();
        }

        record.State.SpecJson = sweep.CanonicalJson;
        record.State.FailFast = command.FailFast;
        record.State.TraceParent = command.SweepTraceParent ?? record.State.TraceParent;
        record.State.State = SweepStates.Running;
        record.State.Reason = null;
        if (plan is null)
        {
            await LoadAsync(CancellationToken.None);
        }

        cursor = 0; // a stopped sweep dropped its in-flight cells: look at every uncounted cell again

        if (schedule!.IsComplete)
        {
            record.State.State = SweepStates.Completed;
        }
        else
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        await record.WriteStateAsync();
        if (record.State.State == SweepStates.Running)
        {
            await Registry.RegisterAsync(SweepId); // from here on, silos with free threads take its cells
        }

        return Status();
    }

    public async Task<SweepStatus> GetStatusAsync()
    {
        if (plan is null && record.State.SpecJson is not null)
        {
            await LoadAsync(CancellationToken.None); // a finished sweep's grain, re-activated: still show its counts
        }

        return Status();
    }

    public async Task<SweepStatus> CancelAsync(string reason)
    {
        if (record.State.State == SweepStates.Running)
        {
            await StopAsync(SweepStates.Cancelled, reason);
        }

        return Status();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Being here is the point: the reminder re-activated a running sweep that nobody called after a crash.
        if (record.State.State != SweepStates.Running)
        {
            await UnregisterWatchdogAsync();
        }
    }

    private ValidatedSweep Validate(StartSweep command)
    {
        ValidatedSweep sweep;
        try
        {
            sweep = SpecLoader.Parse(command.SpecJson, $"sweep {SweepId}");
        }
        catch (SpecValidationException exception)
        {
            throw new ArgumentException(exception.Message, nameof(command));
        }

        if (SweepPlanner.SweepIdOf(sweep.Fingerprint) != SweepId || command.SweepId != SweepId)
        {
            throw new ArgumentException($"The spec's sweep id is {SweepPlanner.SweepIdOf(sweep.Fingerprint)}, not {SweepId}: start it on its own sweep grain.", nameof(command));
        }

        return sweep;
    }

    private async Task StopAsync(string state, string reason)
    {
        record.State.State = state;
        record.State.Reason = reason;
        foreach (var index in inFlight.Keys)
        {
            await CellOf(index).CancelAsync(SweepId);
        }

        inFlight.Clear();
        await FlushAsync(CancellationToken.None);
        await record.WriteStateAsync();
        await Registry.UnregisterAsync(SweepId);
        await UnregisterWatchdogAsync();
        LogStopped(logger, SweepId, state, reason);
    }

    private async Task UnregisterWatchdogAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private SweepStatus Status()
    {
        var elapsed = (DateTime.UtcNow - startedUtc).TotalSeconds;
        return new SweepStatus(
            SweepId,
            record.State.State,
            plan?.Name,
            record.State.SpecJson,
            schedule?.Count ?? 0,
            schedule?.Done ?? 0,
            schedule?.Failed ?? 0,
            inFlight.Count,
            resumed,
            reported,
            duplicates,
            new Dictionary<string, int>(cellsBySilo),
            countedHere > 0 ? countedHere / Math.Max(elapsed, 1e-3) : 0,
            record.State.Reason,
            startedUtc,
            silo.Value.WorkerName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} {State}: {Reason}")]
    private static partial void LogStopped(ILogger logger, Guid sweepId, string state, string reason);
}
