using System.Text;
using OrleansSweep.Reports.Geometry;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

internal sealed partial class HeatMapRenderer
{
    /// <summary>The zero contour (e.g. the edge of chaos, λ_max = 0) as one path of polylines over a white halo.</summary>
    private void WriteContour()
    {
        var pieces = _contour.SelectMany(line => ClipToPlot(line.Select(p => ToPx(p.X, p.Y)).ToList())).ToList();
        var d = PathData(pieces);
        if (d.Length == 0)
        {
            return;
        }

        _w.Open("g", ("class", "zero-contour"), ("fill", "none"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"));
        _w.Element("path", ("d", d), ("stroke", "#ffffff"), ("stroke-width", Invariant.Px(LineStyles.HaloWidth)), ("stroke-opacity", "0.8"));
        _w.Element("path", ("d", d), ("stroke", LineStyles.ContourColor), ("stroke-width", Invariant.Px(LineStyles.ContourWidth)));
        _w.Close("g");
    }

    /// <summary>Theory curves, mapped from data coordinates (log10 on log axes) and clipped to the plot area.</summary>
    private void WriteOverlays()
    {
        var overlays = _options.Overlays ?? [];
        if (overlays.Count == 0)
        {
            return;
        }

        _w.Open("g", ("class", "overlays"), ("fill", "none"), ("stroke-linejoin", "round"));
        for (var k = 0; k < overlays.Count; k++)
        {
            var px = overlays[k].Points.Select(p => ToPx(_x.ToAxis(p.X), _y.ToAxis(p.Y))).ToList();
            var d = PathData(ClipToPlot(px));
            if (d.Length == 0)
            {
                continue;
            }

            _w.Open("g", ("class", "overlay"));
            _w.Element("path", ("d", d), ("stroke", "#ffffff"), ("stroke-width", Invariant.Px(LineStyles.HaloWidth)), ("stroke-opacity", "0.8"));
            var dash = LineStyles.OverlayDash(k, overlays[k].Dashed);
            if (dash is null)
            {
                _w.Element("path", ("d", d), ("stroke", LineStyles.OverlayColor(k)), ("stroke-width", "1.8"));
            }
            else
            {
                _w.Element("path", ("d", d), ("stroke", LineStyles.OverlayColor(k)), ("stroke-width", "1.8"), ("stroke-dasharray", dash));
            }

            _w.Close("g");
        }

        _w.Close("g");
    }

    private (double X, double Y) ToPx(double xAxis, double yAxis) =>
        (_x.ToPx(xAxis, _layout.PlotLeft, _layout.PlotRight), _y.ToPx(yAxis, _layout.PlotBottom, _layout.PlotTop));

    private IReadOnlyList<List<(double X, double Y)>> ClipToPlot(IReadOnlyList<(double X, double Y)> points) =>
        PolylineClipper.Clip(points, _layout.PlotLeft, _layout.PlotTop, _layout.PlotRight, _layout.PlotBottom);

    /// <summary>"M x y L x y …" per piece; points that round to the previous one are dropped, one-point pieces skipped.</summary>
    private static string PathData(IEnumerable<IReadOnlyList<(double X, double Y)>> pieces)
    {
        var sb = new StringBuilder();
        foreach (var piece in pieces)
        {
            var points = new List<string>(piece.Count);
            foreach (var (x, y) in piece)
            {
                var p = Invariant.Px(x) + " " + Invariant.Px(y);
                if (points.Count == 0 || points[^1] != p)
                {
                    points.Add(p);
                }
            }

            if (points.Count < 2)
            {
                continue;
            }

            sb.Append(sb.Length == 0 ? "M" : " M").Append(points[0]);
            for (var k = 1; k < points.Count; k++)
            {
                sb.Append(" L").Append(points[k]);
            }
        }

        return sb.ToString();
    }
}
