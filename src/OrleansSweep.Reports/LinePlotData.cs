namespace OrleansSweep.Reports;

/// <summary>One metric over one swept parameter, with its uncertainty and theory, for <see cref="LinePlotSvg"/>.</summary>
/// <param name="X">The swept axis (label markup as for heat maps); one point per value.</param>
/// <param name="MetricLabel">Label of the y axis (markup).</param>
/// <param name="Values">Measured value per point; null, NaN or ±∞ leave a gap.</param>
/// <param name="Sem">Standard error per point (error bars), or null.</param>
/// <param name="Theory">Theory value per point (a dashed curve), or null.</param>
/// <param name="Failed">True where the cell failed (marked × on the lower edge), or null.</param>
/// <param name="Crossings">Where a refined sweep located the boundary (a vertical line with a ±SEM band), or null.</param>
public sealed record LinePlotData(
    Axis X,
    string MetricLabel,
    IReadOnlyList<double?> Values,
    IReadOnlyList<double?>? Sem = null,
    IReadOnlyList<double?>? Theory = null,
    IReadOnlyList<bool>? Failed = null,
    IReadOnlyList<LineCrossing>? Crossings = null);

/// <summary>A level crossing along the axis of a line plot, e.g. the boundary found by refinement.</summary>
/// <param name="X">The crossing, in the axis' units.</param>
/// <param name="Sem">Its standard error (0: exact; +∞: not located, drawn without a band).</param>
/// <param name="Significant">Resolved beyond noise (solid line) or possibly noise (dotted).</param>
public sealed record LineCrossing(double X, double Sem, bool Significant);
