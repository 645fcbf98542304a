namespace OrleansSweep.Contracts;

/// <summary>Command to a cell worker ("grain"): compute every realisation of one cell and report once.</summary>
/// <param name="SweepId">The sweep the cell belongs to.</param>
/// <param name="CellId">Content-addressed id (hash of model, N, parameters, knobs, seed, schema version).</param>
/// <param name="CellIndex">Position of the cell in the grid's deterministic order.</param>
/// <param name="CellJson">The cell definition (model, N, resolved parameters, analysis knobs, seed) as canonical JSON.
/// No matrices or trajectories ever travel: the worker rebuilds the networks from the seed.</param>
public sealed record AnalyzeCell(Guid SweepId, string CellId, int CellIndex, string CellJson);
