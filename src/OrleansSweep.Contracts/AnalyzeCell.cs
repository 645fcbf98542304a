namespace OrleansSweep.Contracts;

/// <summary>Command to a cell grain: compute every realisation of one cell and report once.</summary>
/// <param name="SweepId">The sweep the cell belongs to (the one to report to).</param>
/// <param name="CellId">Content-addressed id (hash of model, N, parameters, knobs, seed, schema version); the cell
/// grain's key, so the same cell in another sweep is the same grain and its stored result is reused.</param>
/// <param name="CellIndex">Position of the cell in the sweep's deterministic grid order.</param>
/// <param name="CellJson">The cell definition (model, N, resolved parameters, analysis knobs, seed) as canonical JSON.
/// No matrices or trajectories ever travel: the worker rebuilds the networks from the seed.</param>
[GenerateSerializer, Immutable, Alias("OrleansSweep.AnalyzeCell")]
public sealed record AnalyzeCell(
    [property: Id(0)] Guid SweepId,
    [property: Id(1)] string CellId,
    [property: Id(2)] int CellIndex,
    [property: Id(3)] string CellJson)
{
    /// <summary>The sweep span's W3C traceparent, so the cell's own trace links back to it; null when not traced.</summary>
    [Id(4)]
    public string? SweepTraceParent { get; init; }
}
