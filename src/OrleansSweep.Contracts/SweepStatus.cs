namespace OrleansSweep.Contracts;

/// <summary>A sweep's progress as its sweep grain sees it.</summary>
/// <param name="SweepId">The sweep.</param>
/// <param name="State">"unknown" (never started), "running", "completed", "cancelled" or "stopped" (fail-fast).</param>
/// <param name="Name">The spec's name; null when unknown.</param>
/// <param name="SpecJson">The canonical spec; null when unknown (a client rebuilds the plan from it to write outputs).</param>
/// <param name="Total">Cells in the sweep.</param>
/// <param name="Done">Cells with a durable result, each counted once (failed ones included).</param>
/// <param name="Failed">Cells recorded as "failed" (their errors are in the phase map).</param>
/// <param name="InFlight">Cells dispatched and not yet reported.</param>
/// <param name="Resumed">Cells that already had a result when this activation of the sweep grain started.</param>
/// <param name="Reported">Reports received by this activation, duplicates included.</param>
/// <param name="DuplicatesDropped">Reports of cells already counted (re-dispatches, retries).</param>
/// <param name="CellsBySilo">Cells reported by this activation, by the silo that computed them.</param>
/// <param name="CellsPerSecond">Cells counted per second by this activation (resumed cells excluded).</param>
/// <param name="Reason">Why the sweep stopped; null while running or once completed.</param>
/// <param name="StartedUtc">When this activation started (or resumed) the sweep.</param>
/// <param name="Host">The silo the sweep grain is active on.</param>
[GenerateSerializer, Immutable, Alias("OrleansSweep.SweepStatus")]
public sealed record SweepStatus(
    [property: Id(0)] Guid SweepId,
    [property: Id(1)] string State,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? SpecJson,
    [property: Id(4)] int Total,
    [property: Id(5)] int Done,
    [property: Id(6)] int Failed,
    [property: Id(7)] int InFlight,
    [property: Id(8)] int Resumed,
    [property: Id(9)] long Reported,
    [property: Id(10)] long DuplicatesDropped,
    [property: Id(11)] IReadOnlyDictionary<string, int> CellsBySilo,
    [property: Id(12)] double CellsPerSecond,
    [property: Id(13)] string? Reason,
    [property: Id(14)] DateTime StartedUtc,
    [property: Id(15)] string Host)
{
    public bool IsFinished => State is SweepStates.Completed or SweepStates.Cancelled or SweepStates.Stopped;

    /// <summary>Seconds to completion at the current rate; null before the first result.</summary>
    public double? EtaSeconds => CellsPerSecond > 0 ? (Total - Done) / CellsPerSecond : null;
}

/// <summary>The states of a sweep, as stored and reported.</summary>
public static class SweepStates
{
    public const string Unknown = "unknown";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Stopped = "stopped";
}
