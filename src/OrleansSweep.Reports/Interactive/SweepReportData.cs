namespace OrleansSweep.Reports.Interactive;

/// <summary>Everything the interactive report shows of one sweep (plain data; no Parquet, no sweeps types).</summary>
/// <param name="Title">Page title (plain text).</param>
/// <param name="Summary">Key-value rows of the header table (plain text: paths and hashes get no markup).</param>
/// <param name="Axes">The plotted axes: none (one-cell sweep), one (line charts) or two (heat maps, x then y).
/// Labels use the sub/superscript markup of <see cref="HeatMapSvg"/>.</param>
/// <param name="Slice">When the sweep has more axes than are plotted, which slice is shown (plain text); else null.</param>
/// <param name="Cells">Every cell of the sweep, in grid order.</param>
/// <param name="Metrics">The metrics to chart, values aligned with <paramref name="Cells"/>.</param>
/// <param name="TheoryLines">Theory curves over two-axis maps (critical values of the x parameter per y).</param>
/// <param name="ZeroContour">The measured metric whose zero level is drawn on every heat map (λ_max), or null.</param>
/// <param name="StaticFigures">File names of the static SVG figures written beside the report (plain text).</param>
public sealed record SweepReportData(
    string Title,
    IReadOnlyList<(string Key, string Value)> Summary,
    IReadOnlyList<Axis> Axes,
    string? Slice,
    IReadOnlyList<ReportCell> Cells,
    IReadOnlyList<ReportMetric> Metrics,
    IReadOnlyList<OverlayLine> TheoryLines,
    ReportMetric? ZeroContour,
    IReadOnlyList<string> StaticFigures)
{
    /// <summary>
    /// An adaptively refined sweep: its cells are not on a grid (each cell's coordinates are its sample point), so
    /// two-axis charts are scatters coloured by the metric, and the boundary is drawn on every chart. Null for a grid.
    /// </summary>
    public ReportRefinement? Refinement { get; init; }
}

/// <summary>What the report shows of a refinement beyond its cells.</summary>
/// <param name="Label">Legend text of the boundary (markup), e.g. <c>λ_max = 0</c>.</param>
/// <param name="Level">The refined metric's level (a one-axis chart draws the crossings at this height when the metric is the refined one).</param>
/// <param name="Metric">The refined metric's column.</param>
/// <param name="Boundary">The boundary's points in the plotted axes' coordinates (X, and Y on two-axis charts) with their SEMs.</param>
public sealed record ReportRefinement(string Label, string Metric, double Level, IReadOnlyList<BoundaryMark> Boundary);

/// <summary>One cell of the sweep.</summary>
/// <param name="Id">Content-addressed cell id (ASCII).</param>
/// <param name="Status"><c>ok</c>, <c>partial</c>, <c>failed</c> or <c>missing</c>.</param>
/// <param name="Error">The error text of a failed cell, else null.</param>
/// <param name="Coordinates">Its value on each plotted axis (same order as <see cref="SweepReportData.Axes"/>),
/// or null when the cell lies outside the plotted slice.</param>
/// <param name="Parameters">All its grid coordinates as text, e.g. <c>g_h = 1.5, α_r = 4</c> (for the failure table).</param>
public sealed record ReportCell(string Id, string Status, string? Error, IReadOnlyList<double>? Coordinates, string Parameters);

/// <summary>One metric column with its uncertainty and theory, values aligned with the cells.</summary>
/// <param name="Column">The phase-map column name (plain text, never marked up).</param>
/// <param name="Label">Display label (sub/superscript markup).</param>
/// <param name="Values">Mean over realisations per cell; null where undefined.</param>
/// <param name="Sem">Standard error of the mean per cell (<c>&lt;column&gt;_sem</c>), or null when the sweep has none.</param>
/// <param name="Theory">The theory value per cell (<c>theory_&lt;column&gt;</c>), or null when there is none.</param>
/// <param name="Signed">True for metrics whose sign matters (λ_max, abscissa): a diverging scale centred at 0.</param>
public sealed record ReportMetric(
    string Column,
    string Label,
    IReadOnlyList<double?> Values,
    IReadOnlyList<double?>? Sem,
    IReadOnlyList<double?>? Theory,
    bool Signed);
