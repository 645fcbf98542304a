using System.Text;
using OrleansSweep.Reports.Colors;
using OrleansSweep.Reports.Geometry;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

/// <summary>
/// The non-uniform variant (<see cref="CellMapSvg"/>): cells are rects at their own extents and the boundary's
/// points are drawn over them. Title, axes, colour bar, overlays and legend are the uniform map's.
/// </summary>
internal sealed partial class HeatMapRenderer
{
    private const string BoundaryColor = "#000000";
    private readonly CellMapData? _cellMap;

    public HeatMapRenderer(CellMapData map, HeatMapOptions options)
    {
        _cellMap = map;
        // The shared parts read axes and labels from _data; the cell values live in _cellMap alone.
        _data = new HeatMapData(map.X, map.Y, map.Metric, map.MetricLabel, new double?[0, 0]);
        _options = options;
        _x = AxisGeometry.Spanning(map.X, map.Cells.Min(c => c.XLower), map.Cells.Max(c => c.XUpper), nameof(map));
        _y = AxisGeometry.Spanning(map.Y, map.Cells.Min(c => c.YLower), map.Cells.Max(c => c.YUpper), nameof(map));
        var finite = map.Cells.Select(c => c.Value).OfType<double>().Where(double.IsFinite).ToList();
        _scaling = ColorScaling.Resolve(options.Scale, finite);
        _missing = new bool[0, 0];
        _missingCount = map.Cells.Count(c => !IsDrawn(c.Value));
        _contour = [];
        _layout = HeatMapLayout.Compute(options, _x, _y, _scaling, AxisText(map.X), AxisText(map.Y), map.MetricLabel, LegendEntries());
        _id = FigureId.Of(map, options);
    }

    private bool IsDrawn(double? value) => value is { } v && _scaling.IsDrawable(v);

    /// <summary>One rect per cell, in the given order; each edge is mapped and rounded once, so shared edges coincide.</summary>
    private void WriteCellRects(CellMapData map)
    {
        _w.Open("g", ("class", "cells"), ("shape-rendering", "crispEdges"));
        var hatch = "url(#" + HatchId + ")";
        foreach (var cell in map.Cells)
        {
            var (x0, x1) = (XPx(cell.XLower), XPx(cell.XUpper));
            var (y0, y1) = (YPx(cell.YLower), YPx(cell.YUpper));
            var fill = IsDrawn(cell.Value) ? _scaling.ColorOf(cell.Value!.Value).Hex : hatch;
            _w.ElementWithTitle(
                "rect",
                cell.Title ?? DefaultTitle(map, cell),
                ("x", Invariant.Px(Math.Min(x0, x1))),
                ("y", Invariant.Px(Math.Min(y0, y1))),
                ("width", Invariant.Px(Math.Abs(x1 - x0))),
                ("height", Invariant.Px(Math.Abs(y1 - y0))),
                ("fill", fill));
        }

        _w.Close("g");
    }

    /// <summary>
    /// The boundary's points over a white halo: ±SEM bars along each axis (clipped to the plot; none when the SEM is
    /// 0 or infinite), a filled marker for a significant crossing and a hollow one for a crossing noise could make or
    /// that is not located (infinite SEM).
    /// </summary>
    private void WriteBoundary(CellMapData map)
    {
        if (map.Boundary is not { Count: > 0 } marks)
        {
            return;
        }

        _w.Open("g", ("class", "boundary"), ("stroke-linecap", "round"));
        var bars = new List<IReadOnlyList<(double X, double Y)>>();
        foreach (var mark in marks)
        {
            if (double.IsFinite(mark.XSem) && mark.XSem > 0)
            {
                var (low, high) = mark.XBar;
                bars.AddRange(ClipToPlot([ToPx(_x.ToAxis(low), _y.ToAxis(mark.Y)), ToPx(_x.ToAxis(high), _y.ToAxis(mark.Y))]));
            }

            if (double.IsFinite(mark.YSem) && mark.YSem > 0)
            {
                var (low, high) = mark.YBar;
                bars.AddRange(ClipToPlot([ToPx(_x.ToAxis(mark.X), _y.ToAxis(low)), ToPx(_x.ToAxis(mark.X), _y.ToAxis(high))]));
            }
        }

        var d = PathData(bars);
        if (d.Length > 0)
        {
            _w.Element("path", ("class", "sem"), ("d", d), ("fill", "none"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-opacity", "0.8"));
            _w.Element("path", ("class", "sem"), ("d", d), ("fill", "none"), ("stroke", BoundaryColor), ("stroke-width", "1.2"));
        }

        var tooltip = new StringBuilder();
        foreach (var mark in marks)
        {
            var (px, py) = ToPx(_x.ToAxis(mark.X), _y.ToAxis(mark.Y));
            if (!double.IsFinite(px) || !double.IsFinite(py))
            {
                continue;
            }

            var filled = mark.Significant && !double.IsInfinity(mark.XSem) && !double.IsInfinity(mark.YSem);
            tooltip.Clear()
                .Append("boundary: ").Append(RichText.Plain(map.X.Label)).Append(" = ").Append(Invariant.Value(mark.X)).Append(Sem(mark.XSem)).Append(", ")
                .Append(RichText.Plain(map.Y.Label)).Append(" = ").Append(Invariant.Value(mark.Y)).Append(Sem(mark.YSem))
                .Append(mark.Significant ? "" : " (not significant)");
            _w.ElementWithTitle(
                "circle",
                tooltip.ToString(),
                ("cx", Invariant.Px(px)),
                ("cy", Invariant.Px(py)),
                ("r", "2.6"),
                ("fill", filled ? BoundaryColor : "#ffffff"),
                ("stroke", BoundaryColor),
                ("stroke-width", "1"));
        }

        _w.Close("g");
    }

    private static string Sem(double sem) => sem > 0 ? " ± " + (double.IsFinite(sem) ? Invariant.Value(sem) : "∞") : "";

    private double XPx(double value) => Math.Round(_x.ToPx(_x.ToAxis(value), _layout.PlotLeft, _layout.PlotRight), 2, MidpointRounding.AwayFromZero);

    private double YPx(double value) => Math.Round(_y.ToPx(_y.ToAxis(value), _layout.PlotBottom, _layout.PlotTop), 2, MidpointRounding.AwayFromZero);

    private string DefaultTitle(CellMapData map, MapCell cell) =>
        $"{RichText.Plain(map.X.Label)} ∈ [{Invariant.Value(cell.XLower)}, {Invariant.Value(cell.XUpper)}], "
        + $"{RichText.Plain(map.Y.Label)} ∈ [{Invariant.Value(cell.YLower)}, {Invariant.Value(cell.YUpper)}]: {RichText.Plain(map.MetricLabel)} = "
        + (cell.Value switch { null => "missing", { } v when double.IsFinite(v) => Invariant.Value(v), _ => "not finite" });

    private string CellMapDescription(CellMapData map)
    {
        var range = _missingCount == map.Cells.Count
            ? "no finite values"
            : $"colour range [{Invariant.Value(_scaling.Lo)}, {Invariant.Value(_scaling.Hi)}] ({_scaling.Kind}, {_scaling.Map.Name})";
        return $"{map.Metric} over {map.X.Name} × {map.Y.Name}: {Invariant.Int(map.Cells.Count)} cells of varying size, "
            + $"{Invariant.Int(_missingCount)} missing, {Invariant.Int(map.Boundary?.Count ?? 0)} boundary points; {range}.";
    }
}
