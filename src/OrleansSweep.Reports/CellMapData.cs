namespace OrleansSweep.Reports;

/// <summary>
/// One metric over two swept parameters on cells of any size (an adaptively refined phase map): each cell is the
/// rectangle of its own extents, and the phase boundary is drawn over them as points with error bars.
/// </summary>
/// <param name="X">Horizontal axis: name, label, unit, log flag and the coarse grid points (for the tick planner when
/// the axis has one point); the plot spans the cells' extent, not the points.</param>
/// <param name="Y">Vertical axis, as <paramref name="X"/>.</param>
/// <param name="Metric">Machine name of the metric.</param>
/// <param name="MetricLabel">Display label of the metric (colour bar; markup as for <see cref="HeatMapSvg"/>).</param>
/// <param name="Cells">The rectangles, drawn in this order (later over earlier): pass only leaves, or deeper over shallower.</param>
/// <param name="Boundary">Points of the phase boundary with their standard errors, or null.</param>
/// <param name="BoundaryLabel">Legend text of the boundary points (markup), e.g. <c>λ_max = 0 (± SEM)</c>.</param>
public sealed record CellMapData(
    Axis X,
    Axis Y,
    string Metric,
    string MetricLabel,
    IReadOnlyList<MapCell> Cells,
    IReadOnlyList<BoundaryMark>? Boundary = null,
    string? BoundaryLabel = null);

/// <summary>One cell of a <see cref="CellMapData"/>: its extent in the axes' units (lower ≤ upper) and its value.</summary>
/// <param name="XLower">Lower bound along X.</param>
/// <param name="XUpper">Upper bound along X.</param>
/// <param name="YLower">Lower bound along Y.</param>
/// <param name="YUpper">Upper bound along Y.</param>
/// <param name="Value">The metric; null, NaN or ±∞ is drawn as a missing (hatched) cell.</param>
/// <param name="Title">Tooltip text (plain); null for a default naming the extent and value.</param>
public sealed record MapCell(double XLower, double XUpper, double YLower, double YUpper, double? Value, string? Title = null);

/// <summary>
/// A point of a phase boundary in data coordinates with its standard error along each axis (0 when exact; +∞ when
/// not located, drawn without a bar and hollow).
/// </summary>
/// <param name="X">The crossing along X.</param>
/// <param name="Y">The crossing along Y.</param>
/// <param name="XSem">Its standard error along X.</param>
/// <param name="YSem">Its standard error along Y.</param>
/// <param name="Significant">Whether the crossing is resolved beyond noise (filled marker) or could be noise (hollow).</param>
/// <param name="XRange">
/// Where the crossing can lie along X (between the two cells it was interpolated from); the bar is drawn within it.
/// Why: where both means sit near the level the first-order SEM of the interpolation grows without bound, and a bar
/// across the whole map says nothing the segment does not. Null: unbounded.
/// </param>
/// <param name="YRange">The same along Y.</param>
public sealed record BoundaryMark(
    double X, double Y, double XSem, double YSem, bool Significant, (double Lower, double Upper)? XRange = null, (double Lower, double Upper)? YRange = null)
{
    /// <summary>The drawn extent of the X bar: X ± XSem within <see cref="XRange"/>.</summary>
    public (double Low, double High) XBar => Bar(X, XSem, XRange);

    /// <summary>The drawn extent of the Y bar: Y ± YSem within <see cref="YRange"/>.</summary>
    public (double Low, double High) YBar => Bar(Y, YSem, YRange);

    private static (double Low, double High) Bar(double value, double sem, (double Lower, double Upper)? range) =>
        range is { } r ? (Math.Max(value - sem, r.Lower), Math.Min(value + sem, r.Upper)) : (value - sem, value + sem);
}
