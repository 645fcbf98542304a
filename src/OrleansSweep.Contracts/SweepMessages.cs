namespace OrleansSweep.Contracts;

/// <summary>Command to a sweep grain: start (or resume) the sweep described by a validated spec.</summary>
/// <param name="SweepId">A pure function of the spec's fingerprint: the same spec is the same sweep grain.</param>
/// <param name="SpecJson">The canonical spec; the grain validates it again and expands its grid.</param>
/// <param name="FailFast">Stop at the first failed cell instead of recording it and going on.</param>
/// <param name="SweepTraceParent">The sweep span's W3C traceparent (cell traces link to it); null when not traced.</param>
[GenerateSerializer, Immutable, Alias("OrleansSweep.StartSweep")]
public sealed record StartSweep(
    [property: Id(0)] Guid SweepId,
    [property: Id(1)] string SpecJson,
    [property: Id(2)] bool FailFast,
    [property: Id(3)] string? SweepTraceParent);

/// <summary>One page of a sweep's stored results, in grid order; the side that asks writes the outputs from them.</summary>
/// <param name="Offset">Grid index of the first cell of the page.</param>
/// <param name="Total">Cells in the sweep.</param>
/// <param name="Results">The results of cells Offset … Offset + count − 1 that have one (missing cells are left out).</param>
[GenerateSerializer, Immutable, Alias("OrleansSweep.ResultPage")]
public sealed record ResultPage(
    [property: Id(0)] int Offset,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyList<CellAnalyzed> Results);
