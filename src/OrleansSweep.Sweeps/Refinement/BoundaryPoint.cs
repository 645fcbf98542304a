namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// One point of a phase boundary: where the metric crosses the level on the segment between the samples of two
/// neighbouring cells, by linear interpolation, with the uncertainty the means' standard errors give it. One row of
/// <c>phase_boundary.parquet</c> (columns in <see cref="RefinementColumns"/>).
/// </summary>
/// <param name="Slice">The values of the grid axes that are not refined (empty when every axis is refined), by axis name in grid order.</param>
/// <param name="Coordinates">The crossing along each refined axis, in grid order.</param>
/// <param name="Fraction">t ∈ [0, 1]: where on the segment from cell A's sample to cell B's the crossing lies.</param>
/// <param name="FractionSem">
/// The standard error of t: the interpolated level's noise √((1 − t)² s_A² + t² s_B²) over the slope along the pair's
/// axis, the smaller of the pair's own and a four-cell least-squares slope (see docs/refinement.md); may exceed 1, and
/// is +∞ where the stencil is flat.
/// </param>
/// <param name="CellA">The id of the cell toward the first grid point of the axis along which A and B are neighbours.</param>
/// <param name="CellB">The other cell's id.</param>
/// <param name="IndexA">Cell A's index.</param>
/// <param name="IndexB">Cell B's index.</param>
/// <param name="Depth">The larger of the two cells' depths.</param>
/// <param name="Significant">
/// Whether the pair passes the split rule (<see cref="CrossingTest"/>): a crossing the pair itself resolves. False for
/// crossings noise alone could make, and usually for the finest pairs at a noise-limited boundary, whose points are
/// still the best estimate — weigh them by their SEM.
/// </param>
public sealed record BoundaryPoint(
    IReadOnlyDictionary<string, double> Slice,
    IReadOnlyList<BoundaryCoordinate> Coordinates,
    double Fraction,
    double FractionSem,
    string CellA,
    string CellB,
    int IndexA,
    int IndexB,
    int Depth,
    bool Significant);

/// <summary>The crossing along one refined axis, in the axis' units.</summary>
/// <param name="Axis">The axis (parameter) name, e.g. <c>gH</c>.</param>
/// <param name="Value">The interpolated crossing.</param>
/// <param name="Sem">
/// Its standard error from the means' SEMs: σ_t·|Δu| along the segment (times the value on a log axis, where the
/// interpolation runs in ln x). 0 when both SEMs are unknown; it does not include the interpolation error (O(h²) for a
/// smooth field, h the finest cell).
/// </param>
/// <param name="Lower">The smaller of the two samples' values along the axis: the crossing lies in [Lower, Upper].</param>
/// <param name="Upper">The larger of the two.</param>
public sealed record BoundaryCoordinate(string Axis, double Value, double Sem, double Lower, double Upper);
