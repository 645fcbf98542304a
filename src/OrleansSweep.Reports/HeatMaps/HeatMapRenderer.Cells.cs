using System.Text;
using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

internal sealed partial class HeatMapRenderer
{
    private void WriteDefs()
    {
        _w.Open("defs");
        // Missing cells: light grey with dark diagonal hatching, distinct from every colour of both maps (#f7f7f7 included).
        _w.Open("pattern", ("id", HatchId), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)"));
        _w.Element("rect", ("width", "6"), ("height", "6"), ("fill", "#d9d9d9"));
        _w.Element("line", ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#7a7a7a"), ("stroke-width", "2"));
        _w.Close("pattern");
        // The colour bar: a gradient through the control points, bottom (t = 0) to top (t = 1), interpolated in sRGB
        // exactly as ColorMap.At interpolates the cells.
        _w.Open("linearGradient", ("id", GradientId), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0"));
        for (var k = 0; k < _scaling.Map.ControlPoints.Count; k++)
        {
            _w.Element("stop", ("offset", Invariant.Fixed(_scaling.Map.Offset(k), 4)), ("stop-color", _scaling.Map.ControlPoints[k].Hex));
        }

        _w.Close("linearGradient");
        _w.Close("defs");
    }

    private void WriteTitles()
    {
        var centre = 0.5 * _options.Width;
        _w.Text(_options.Title, centre, _layout.TitleBaseline, new TextStyle(_layout.TitleSize, "middle", Bold: true, Class: "title"));
        if (_options.Subtitle is { } subtitle)
        {
            _w.Text(subtitle, centre, _layout.SubtitleBaseline, new TextStyle(_layout.SubtitleSize, "middle", "#555555", Class: "subtitle"));
        }
    }

    /// <summary>
    /// One rect per cell. Edges are rounded once and shared by neighbours, and crispEdges is set, so anti-aliasing
    /// leaves no hairline seams between cells.
    /// </summary>
    private void WriteCells()
    {
        _w.Open("g", ("class", "cells"), ("shape-rendering", "crispEdges"));
        var xEdges = PxEdges(_x, _layout.PlotLeft, _layout.PlotRight);
        var yEdges = PxEdges(_y, _layout.PlotBottom, _layout.PlotTop);
        var hatch = "url(#" + HatchId + ")";
        var tooltip = new StringBuilder();
        for (var j = 0; j < _y.Count; j++)
        {
            for (var i = 0; i < _x.Count; i++)
            {
                var left = Math.Min(xEdges[i], xEdges[i + 1]);
                var top = Math.Min(yEdges[j], yEdges[j + 1]);
                var value = _data.Values[i, j];
                var fill = _missing[i, j] ? hatch : _scaling.ColorOf(value!.Value).Hex;
                tooltip.Clear()
                    .Append(_data.X.Label).Append(" = ").Append(Invariant.Value(_data.X.Values[i])).Append(", ")
                    .Append(_data.Y.Label).Append(" = ").Append(Invariant.Value(_data.Y.Values[j])).Append(": ")
                    .Append(_data.MetricLabel).Append(" = ")
                    .Append(value switch
                    {
                        null => "missing",
                        { } v when double.IsFinite(v) => Invariant.Value(v),
                        _ => "not finite",
                    });
                _w.ElementWithTitle(
                    "rect",
                    tooltip.ToString(),
                    ("x", Invariant.Px(left)),
                    ("y", Invariant.Px(top)),
                    ("width", Invariant.Px(Math.Abs(xEdges[i + 1] - xEdges[i]))),
                    ("height", Invariant.Px(Math.Abs(yEdges[j + 1] - yEdges[j]))),
                    ("fill", fill));
            }
        }

        _w.Close("g");
    }

    private static double[] PxEdges(Geometry.AxisGeometry axis, double pxLo, double pxHi)
    {
        var px = new double[axis.Edges.Length];
        for (var k = 0; k < px.Length; k++)
        {
            px[k] = Math.Round(axis.ToPx(axis.Edges[k], pxLo, pxHi), 2, MidpointRounding.AwayFromZero);
        }

        return px;
    }
}
