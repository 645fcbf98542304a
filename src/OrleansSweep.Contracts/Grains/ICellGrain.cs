namespace OrleansSweep.Contracts.Grains;

/// <summary>
/// One grid cell, keyed by its content-addressed cell id. Computes its cell once, persists the result in grain
/// storage, then reports it to every sweep that asked; later requests get the stored result without computing.
/// </summary>
/// <remarks>
/// <see cref="StartAsync"/> and <see cref="CancelAsync"/> are one-way: no call lasts as long as a cell, so Orleans'
/// response timeout never limits cell length, and a sweep grain never waits on a busy or dead silo. A lost message is
/// repaired by the sweep grain, which asks again for cells that stay unreported.
/// </remarks>
[Alias("OrleansSweep.ICellGrain")]
public interface ICellGrain : IGrainWithStringKey
{
    /// <summary>Starts the cell if it is neither stored nor running; reports to <c>work.SweepId</c> when it has a result.</summary>
    [OneWay, Alias("Start")]
    Task StartAsync(AnalyzeCell work);

    /// <summary>The sweep no longer wants the cell; the computation stops when no other sweep does.</summary>
    [OneWay, Alias("Cancel")]
    Task CancelAsync(Guid sweepId);

    /// <summary>The stored result, addressed to <paramref name="sweepId"/> at <paramref name="cellIndex"/>; null when none.</summary>
    [Alias("GetResult")]
    Task<CellAnalyzed?> GetResultAsync(Guid sweepId, int cellIndex);
}
