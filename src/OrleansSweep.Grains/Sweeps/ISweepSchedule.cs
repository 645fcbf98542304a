using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// The cells a sweep grain dispatches and which of them are counted. Cells are numbered by <em>ordinal</em>, dense from
/// 0 in the order they were scheduled: the grid index in a plain sweep (<see cref="GridSchedule"/>); the order of the
/// refinement rounds in a refined one (<see cref="RefinedSchedule"/>), whose cell indices are sparse.
/// </summary>
internal interface ISweepSchedule
{
    /// <summary>Cells scheduled so far (a refined sweep schedules a round at a time, so this grows).</summary>
    int Count { get; }

    int Done { get; }

    int Failed { get; }

    /// <summary>Cells found counted when the schedule was loaded from storage.</summary>
    int Resumed { get; }

    /// <summary>Every cell the sweep will ever need is counted.</summary>
    bool IsComplete { get; }

    PlannedCell CellAt(int ordinal);

    bool IsDone(int ordinal);

    /// <summary>The ordinal of a reported cell, when the index and id are a cell this schedule holds.</summary>
    bool TryFind(int cellIndex, string cellId, out int ordinal);

    /// <summary>Counts a cell's result; false when it was counted before. May schedule more cells (a new round).</summary>
    bool TryCount(int ordinal, CellAnalyzed result);

    /// <summary>Restores what is counted from storage.</summary>
    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores what changed since the last flush (nothing, where storage already is the record).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
