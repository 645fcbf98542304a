using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Grid;

/// <summary>
/// One point of a sweep grid: everything a worker needs to compute the cell, and nothing about where it runs.
/// </summary>
/// <param name="CellId">
/// Content address (see <see cref="CellIdentity"/>): equal for cells that compute the same numbers, whatever the
/// sweep, grid order, machine or culture. Also the cell key of every random stream (StreamKeys.Derive(Seed, CellId, …)).
/// </param>
/// <param name="Index">Position in the grid, 0-based, row-major in the spec's axis order (the last axis fastest).</param>
/// <param name="Family">The model family.</param>
/// <param name="N">Units per network.</param>
/// <param name="Parameters">Every parameter of the family, defaults filled, by ordinal name (flags 0/1, choices their index).</param>
/// <param name="AxisValues">This cell's value on each axis, in the spec's axis order (<c>n</c> included when swept).</param>
/// <param name="Analyses">The analyses to run, with their knobs.</param>
/// <param name="Seed">The sweep's root seed.</param>
/// <param name="Realizations">Independent networks to draw and analyse.</param>
/// <param name="Disorder">Whether the networks are this cell's own or shared by every cell of the sweep with the same N.</param>
public sealed record CellDefinition(
    string CellId,
    int Index,
    ModelFamily Family,
    int N,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyDictionary<string, double> AxisValues,
    AnalysisSettings Analyses,
    ulong Seed,
    int Realizations,
    Disorder Disorder = Disorder.PerCell)
{
    /// <summary>The state dimension D (N, 2N for lstm, 3N for gated).</summary>
    public int StateDimension => ModelCatalog.StateDimension(Family, N);
}
