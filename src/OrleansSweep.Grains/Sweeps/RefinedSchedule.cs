using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A refined sweep (docs/refinement.md): the coarse grid is the first round; when every cell of a round is counted,
/// <see cref="RefinementPlan.NextCells"/> names the next round from all results so far, until it names none.
/// Ordinals follow the rounds, so dispatch and result pages work as in a grid sweep.
/// </summary>
/// <remarks>
/// Nothing of its own is stored: the cells' storage is the record. Every result is stored before its cell reports, and
/// the rounds are a pure function of the results, so loading replays them — round after round, the stored results of
/// the round's cells are read and counted — and stops at the first round with a missing cell, which is exactly where
/// the sweep was. Reads on activation grow with the computed cells; writes stay one per cell.
/// </remarks>
internal sealed class RefinedSchedule(SweepPlan plan, StoredCells stored) : ISweepSchedule
{
    private readonly RefinementPlan refinement = plan.Refinement
        ?? throw new ArgumentException("The plan has no refinement.", nameof(plan));

    private readonly List<PlannedCell> scheduled = [];
    private readonly List<bool> counted = [];
    private readonly Dictionary<int, int> ordinalOfIndex = [];
    private readonly List<RefineSample> samples = [];
    private int uncountedInRound;
    private int rounds;

    public int Count => scheduled.Count;

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public int Resumed { get; private set; }

    public bool IsComplete { get; private set; }

    public PlannedCell CellAt(int ordinal) => scheduled[ordinal];

    public bool IsDone(int ordinal) => counted[ordinal];

    public bool TryFind(int cellIndex, string cellId, out int ordinal) =>
        ordinalOfIndex.TryGetValue(cellIndex, out ordinal) && scheduled[ordinal].Command.CellId == cellId;

    public bool TryCount(int ordinal, CellAnalyzed result)
    {
        if (counted[ordinal])
        {
            return false;
        }

        counted[ordinal] = true;
        Done++;
        Failed += result.Status == "failed" ? 1 : 0;
        samples.Add(refinement.SampleOf(scheduled[ordinal].Command.CellIndex, result.Metrics));
        if (--uncountedInRound == 0)
        {
            ScheduleNextRound();
        }

        return true;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        ScheduleNextRound();

        // Bounded: every replayed round adds at least one cell not seen before, and there are at most WorstCaseCellCount.
        // Not by the depth: a round may split shallow cells whose new neighbours came from deeper splits (measured on
        // the S1 slice at depth 4: seven rounds, the last two of 4 cells each).
        for (var replayed = 0L; !IsComplete && replayed <= refinement.WorstCaseCellCount; replayed++)
        {
            var round = rounds;
            var first = scheduled.Count - uncountedInRound;
            var reads = Enumerable.Range(first, scheduled.Count - first)
                .Select(async ordinal => (ordinal, result: await stored.ReadAsync(
                    scheduled[ordinal].Command.CellId, plan.SweepId, scheduled[ordinal].Command.CellIndex)));
            foreach (var (ordinal, result) in await Task.WhenAll(reads))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (result is not null)
                {
                    TryCount(ordinal, result);
                }
            }

            if (rounds == round)
            {
                break; // a cell of this round is missing: the sweep goes on from here
            }
        }

        Resumed = Done;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void ScheduleNextRound()
    {
        var next = refinement.NextCells(samples);
        if (next.Count == 0)
        {
            IsComplete = true;
            return;
        }

        rounds++;
        foreach (var cell in next)
        {
            ordinalOfIndex.Add(cell.Cell.Index, scheduled.Count);
            scheduled.Add(SweepPlanner.PlanCell(plan.SweepId, cell));
            counted.Add(false);
        }

        uncountedInRound = next.Count;
    }
}
