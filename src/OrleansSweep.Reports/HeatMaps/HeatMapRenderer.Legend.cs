using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

internal sealed partial class HeatMapRenderer
{
    private void WriteLegend()
    {
        if (_layout.Legend.Count == 0)
        {
            return;
        }

        _w.Open("g", ("class", "legend"));
        var style = new TextStyle(HeatMapLayout.LegendSize);
        foreach (var entry in _layout.Legend)
        {
            double x = entry.X, y = entry.Y, x2 = entry.X + 22;
            switch (entry.Kind)
            {
                case LegendKind.Missing:
                    _w.Element(
                        "rect",
                        ("x", Invariant.Px(x + 3)),
                        ("y", Invariant.Px(y - 6)),
                        ("width", "16.00"),
                        ("height", "12.00"),
                        ("fill", "url(#" + HatchId + ")"),
                        ("stroke", "#555555"),
                        ("stroke-width", "0.6"));
                    break;
                case LegendKind.Contour:
                    SwatchLine(x, y, x2, "#ffffff", LineStyles.HaloWidth, null);
                    SwatchLine(x, y, x2, LineStyles.ContourColor, LineStyles.ContourWidth, null);
                    break;
                case LegendKind.Boundary:
                    SwatchLine(x + 4, y, x2 - 4, "#000000", 1.2, null);
                    _w.Element("circle", ("cx", Invariant.Px(x + 11)), ("cy", Invariant.Px(y)), ("r", "2.6"), ("fill", "#000000"), ("stroke", "#000000"), ("stroke-width", "1"));
                    break;
                case LegendKind.Overlay:
                    var overlay = _options.Overlays![entry.OverlayIndex];
                    SwatchLine(x, y, x2, LineStyles.OverlayColor(entry.OverlayIndex), 1.8, LineStyles.OverlayDash(entry.OverlayIndex, overlay.Dashed));
                    break;
            }

            _w.Text(entry.Label, x + HeatMapLayout.LegendTextOffset, y + (0.36 * HeatMapLayout.LegendSize), style);
        }

        _w.Close("g");
    }

    private void SwatchLine(double x1, double y, double x2, string color, double width, string? dash)
    {
        var x1s = Invariant.Px(x1);
        var x2s = Invariant.Px(x2);
        var ys = Invariant.Px(y);
        if (dash is null)
        {
            _w.Element("line", ("x1", x1s), ("y1", ys), ("x2", x2s), ("y2", ys), ("stroke", color), ("stroke-width", Invariant.Px(width)));
        }
        else
        {
            _w.Element("line", ("x1", x1s), ("y1", ys), ("x2", x2s), ("y2", ys), ("stroke", color), ("stroke-width", Invariant.Px(width)), ("stroke-dasharray", dash));
        }
    }
}
