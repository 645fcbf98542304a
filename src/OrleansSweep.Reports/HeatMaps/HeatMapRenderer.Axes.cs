using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

internal sealed partial class HeatMapRenderer
{
    private void WriteAxes()
    {
        var l = _layout;
        var tickStyle = new TextStyle(HeatMapLayout.TickSize, "middle");
        _w.Open("g", ("class", "x-axis"));
        foreach (var tick in l.XTicks)
        {
            var px = _x.ToPx(tick.Position, l.PlotLeft, l.PlotRight);
            TickLine(px, l.PlotBottom, px, l.PlotBottom + (tick.Major ? HeatMapLayout.TickLength : 3));
            if (tick.Major)
            {
                _w.Text(tick.Label, px, l.PlotBottom + HeatMapLayout.XTickBaselineOffset, tickStyle);
            }
        }

        _w.Text(AxisText(_data.X), l.PlotLeft + (0.5 * l.PlotWidth), l.XLabelBaseline, new TextStyle(l.XLabelSize, "middle", Class: "axis-label"));
        _w.Close("g");

        _w.Open("g", ("class", "y-axis"));
        var yTickStyle = new TextStyle(HeatMapLayout.TickSize, "end");
        foreach (var tick in l.YTicks)
        {
            var py = _y.ToPx(tick.Position, l.PlotBottom, l.PlotTop);
            TickLine(l.PlotLeft - (tick.Major ? HeatMapLayout.TickLength : 3), py, l.PlotLeft, py);
            if (tick.Major)
            {
                // 0.36 em below the tick puts the digits' visual centre on it (no dominant-baseline: not SVG 1.1 everywhere).
                _w.Text(tick.Label, l.PlotLeft - HeatMapLayout.TickLength - 3, py + (0.36 * HeatMapLayout.TickSize), yTickStyle);
            }
        }

        _w.Text(AxisText(_data.Y), l.YLabelX, l.PlotTop + (0.5 * l.PlotHeight), new TextStyle(l.YLabelSize, "middle", Class: "axis-label"), rotate: -90);
        _w.Close("g");
    }

    private void TickLine(double x1, double y1, double x2, double y2) =>
        _w.Element(
            "line",
            ("x1", Invariant.Px(x1)),
            ("y1", Invariant.Px(y1)),
            ("x2", Invariant.Px(x2)),
            ("y2", Invariant.Px(y2)),
            ("stroke", "#333333"),
            ("stroke-width", "0.8"));
}
