using OrleansSweep.Sweeps.Grid;

namespace OrleansSweep.Sweeps.Refinement;

/// <summary>
/// A cell of a refined sweep: an ordinary <see cref="CellDefinition"/> (content-addressed id, seeds from the cell)
/// with its place in the refinement — the depth and its extent along each refined axis — for the phase map's
/// <c>depth</c>, <c>&lt;axis&gt;_lower</c> and <c>&lt;axis&gt;_upper</c> columns (see <see cref="RefinementColumns"/>).
/// </summary>
/// <param name="Cell">The cell to compute; <see cref="CellDefinition.Index"/> is its refinement index (sparse above the coarse cells).</param>
/// <param name="Depth">0 for a coarse grid cell, d for a cell halved d times along each refined axis.</param>
/// <param name="Extents">One per refined axis, in grid order.</param>
public sealed record RefinedCell(CellDefinition Cell, int Depth, IReadOnlyList<CellExtent> Extents);

/// <summary>
/// The interval a cell covers along one refined axis, in the axis' units (lower ≤ upper). Coarse cells reach halfway
/// (in the axis' coordinate: the value, or its logarithm on a log axis) to the neighbouring grid points, and the first
/// and last stop at the ends of the range; children halve their parent's interval.
/// </summary>
/// <param name="Axis">The axis (parameter) name as the spec writes it, e.g. <c>gH</c>.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record CellExtent(string Axis, double Lower, double Upper);
