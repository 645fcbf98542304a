namespace OrleansSweep.Reports;

/// <summary>Presentation options of a heat map.</summary>
/// <param name="Title">Title drawn above the plot (same markup as axis labels).</param>
/// <param name="Subtitle">Optional second line, e.g. the fixed parameters of the slice.</param>
/// <param name="DrawZeroContour">Draw the level-0 contour of the metric (e.g. the edge of chaos, λ_max = 0) by marching
/// squares on the cell-centre grid; drawn only where it exists.</param>
/// <param name="Overlays">Theory curves drawn over the map, clipped to the plot area, each with a legend entry.</param>
/// <param name="Scale">Colour scale; <see cref="ColorScale.Auto"/> picks diverging or sequential from the data.</param>
/// <param name="Width">Width of the SVG canvas in px (≥ 240).</param>
/// <param name="Height">Height of the SVG canvas in px (≥ 200).</param>
public sealed record HeatMapOptions(
    string Title,
    string? Subtitle = null,
    bool DrawZeroContour = false,
    IReadOnlyList<OverlayLine>? Overlays = null,
    ColorScale Scale = ColorScale.Auto,
    int Width = 640,
    int Height = 480);
