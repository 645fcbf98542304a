using OrleansSweep.Contracts;

namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// A sweep grain's stored record: what the sweep is and where it stands. Small and fixed in size: written when the
/// sweep starts, stops or completes, never per result (progress lives in <see cref="ProgressShard"/>s).
/// </summary>
[GenerateSerializer, Alias("OrleansSweep.SweepRecord")]
public sealed class SweepRecord
{
    /// <summary>The canonical spec; the grid is expanded from it again on every activation.</summary>
    [Id(0)]
    public string? SpecJson { get; set; }

    [Id(1)]
    public bool FailFast { get; set; }

    /// <summary>One of <see cref="SweepStates"/>.</summary>
    [Id(2)]
    public string State { get; set; } = SweepStates.Unknown;

    /// <summary>Why the sweep stopped (cancel, fail-fast); null otherwise.</summary>
    [Id(3)]
    public string? Reason { get; set; }

    /// <summary>The sweep span's traceparent, so a resumed sweep's cells still link to the same trace.</summary>
    [Id(4)]
    public string? TraceParent { get; set; }
}
