namespace OrleansSweep.Reports;

/// <summary>One axis of a heat map: the swept parameter and the values at which cells were computed.</summary>
/// <param name="Name">Machine name of the parameter (e.g. <c>gH</c>); used in tooltips' data attributes, never drawn.</param>
/// <param name="Label">Display label, e.g. <c>g_h</c> or <c>α_r</c>; see <see cref="HeatMapSvg"/> for the sub/superscript markup.</param>
/// <param name="Unit">Unit drawn in parentheses after the label; null for dimensionless parameters.</param>
/// <param name="Values">Cell-centre values, strictly monotone (increasing or decreasing), finite; non-uniform spacing is allowed.</param>
/// <param name="Logarithmic">Draw the axis in log10 space (cell edges at geometric means, decade ticks); all values must be &gt; 0.</param>
/// <remarks>
/// Cell edges lie halfway between neighbouring values (in log space for a logarithmic axis); the outer edges are
/// extrapolated by half the neighbouring spacing. A single value gets a cell of ±10 % of its magnitude (±0.5 at 0;
/// ±half a decade on a log axis) and one tick at the value. Invalid values make <see cref="HeatMapSvg.Render"/> throw
/// <see cref="ArgumentException"/>: they are a caller error, not a data condition.
/// </remarks>
public sealed record Axis(string Name, string Label, string? Unit, IReadOnlyList<double> Values, bool Logarithmic = false);
