using System.Diagnostics;
using OrleansSweep.Contracts;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>The coordinator's in-memory view of one running sweep (the store is the source of truth).</summary>
internal sealed class ActiveSweep(SweepPlan plan, bool failFast, IReadOnlySet<string> alreadyDone, int alreadyFailed)
{
    private readonly Lock gate = new();
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly HashSet<string> recordedCells = [.. alreadyDone];
    private int failed = alreadyFailed;
    private int stopped;

    public SweepPlan Plan { get; } = plan;

    public bool FailFast { get; } = failFast;

    /// <summary>The sweep span's context: parent of the coordinator's spans, link target of the cell spans.</summary>
    public ActivityContext TraceContext { get; init; }

    public TaskCompletionSource<SweepOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Counts newly stored results; a cell already counted is not counted again.</summary>
    /// <remarks>
    /// Why: a batch committed while this sweep was being resumed can be in <c>alreadyDone</c> (read from the store after
    /// the commit) and still reach here afterwards (the writer accounts for a batch after committing it), which counted
    /// such a cell twice and let a resumed sweep report completion one cell early.
    /// </remarks>
    public void Add(IReadOnlyList<CellAnalyzed> recorded)
    {
        lock (gate)
        {
            foreach (var result in recorded)
            {
                if (recordedCells.Add(result.CellId))
                {
                    failed += result.Status == "failed" ? 1 : 0;
                }
            }
        }
    }

    /// <summary>True for the one caller that gets to finish or stop the sweep.</summary>
    public bool TryStop() => Interlocked.Exchange(ref stopped, 1) == 0;

    public SweepProgress Snapshot()
    {
        lock (gate)
        {
            return new SweepProgress(Plan.SweepId, Plan.Cells.Count, recordedCells.Count, failed, alreadyDone.Count, startedAt);
        }
    }

    public SweepOutcome StoppedOutcome(string reason)
    {
        var snapshot = Snapshot();
        return new SweepOutcome(Plan.SweepId, false, snapshot.Total, snapshot.Failed, null, reason);
    }

    /// <summary>
    /// The sweep span's context: as remembered in this process (the embedded client started it here, or a transport
    /// declared it), else the span the sweep was started under (e.g. the consume span of a submit command).
    /// </summary>
    public static ActivityContext TraceContextOf(Guid sweepId)
    {
        var context = SweepTelemetry.SweepContextOf(sweepId);
        if (context == default && Activity.Current is { } ambient)
        {
            context = ambient.Context;
        }

        if (context != default)
        {
            SweepTelemetry.RememberSweep(sweepId, context);
        }

        return context;
    }
}
