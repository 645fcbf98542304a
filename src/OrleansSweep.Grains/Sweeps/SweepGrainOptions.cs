namespace OrleansSweep.Grains.Sweeps;

/// <summary>How a sweep grain dispatches and checks on its cells.</summary>
public sealed class SweepGrainOptions
{
    /// <summary>Cells dispatched and not yet reported, at most: a 100,000-cell sweep never has 100,000 in flight.</summary>
    public int CellsInFlight { get; set; } = 256;

    /// <summary>An unreported cell is asked again this long after it was last asked (a lost message, a dead silo).</summary>
    public TimeSpan AskAgainAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often progress shards are stored and overdue cells are looked for.</summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cells per result page when a client reads the results.</summary>
    public int MaxPageSize { get; set; } = 1024;
}
