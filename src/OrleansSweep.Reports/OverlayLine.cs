namespace OrleansSweep.Reports;

/// <summary>A curve drawn over a heat map, e.g. a theory line such as g_h σ(b_r) = 1 (science.md §B.5).</summary>
/// <param name="Label">Legend text (same markup as axis labels).</param>
/// <param name="Points">Points in data coordinates (the axes' own units, not log10). A non-finite point, or a non-positive
/// coordinate on a logarithmic axis, breaks the line into separate pieces.</param>
/// <param name="Dashed">Dashed (the default, for theory) or solid.</param>
/// <remarks>The line is clipped to the plot area, so it may extend beyond the swept ranges.</remarks>
public sealed record OverlayLine(string Label, IReadOnlyList<(double X, double Y)> Points, bool Dashed = true);
