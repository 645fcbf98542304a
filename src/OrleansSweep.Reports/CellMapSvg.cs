using OrleansSweep.Reports.HeatMaps;

namespace OrleansSweep.Reports;

/// <summary>
/// Draws a phase map on non-uniform cells (an adaptively refined sweep) as a standalone SVG 1.1 document: one rect
/// per given cell at its own extents, the phase boundary's points with ±SEM bars, and the theory overlays of
/// <see cref="HeatMapOptions"/>; title, axes, colour bar and legend as in <see cref="HeatMapSvg"/>.
/// </summary>
/// <remarks>
/// The plot spans the union of the cells' extents. Cell edges are mapped to px and rounded once, so cells sharing an
/// edge (identical doubles) share it to the px. <see cref="HeatMapOptions.DrawZeroContour"/> is ignored: marching
/// squares needs a uniform grid, and the refined boundary is the better line. Throws <see cref="ArgumentException"/>
/// when there are no cells, a bound is not finite (or not positive on a log axis), or a lower bound exceeds its upper.
/// </remarks>
public static class CellMapSvg
{
    public static string Render(CellMapData data, HeatMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data.Cells);
        if (options.Width < 240 || options.Height < 200)
        {
            throw new ArgumentException($"Canvas {options.Width}×{options.Height} px is too small (at least 240×200).", nameof(options));
        }

        if (data.Cells.Count == 0)
        {
            throw new ArgumentException("A cell map needs at least one cell.", nameof(data));
        }

        foreach (var cell in data.Cells)
        {
            Check(cell.XLower, cell.XUpper, data.X);
            Check(cell.YLower, cell.YUpper, data.Y);
        }

        return new HeatMapRenderer(data, options).Render();
    }

    private static void Check(double lower, double upper, Axis axis)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper || (axis.Logarithmic && lower <= 0))
        {
            throw new ArgumentException($"A cell's extent [{lower}, {upper}] along {axis.Name} cannot be drawn{(axis.Logarithmic ? " (log axis)" : "")}.", nameof(axis));
        }
    }
}
