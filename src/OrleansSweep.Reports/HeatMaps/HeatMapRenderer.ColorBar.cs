using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

internal sealed partial class HeatMapRenderer
{
    private void WriteColorBar()
    {
        var l = _layout;
        _w.Open("g", ("class", "colorbar"));
        _w.Element(
            "rect",
            ("x", Invariant.Px(l.BarLeft)),
            ("y", Invariant.Px(l.PlotTop)),
            ("width", Invariant.Px(HeatMapLayout.BarWidth)),
            ("height", Invariant.Px(l.PlotHeight)),
            ("fill", "url(#" + GradientId + ")"),
            ("stroke", "#333333"),
            ("stroke-width", "0.8"));
        var lo = _scaling.Logarithmic ? Math.Log10(_scaling.Lo) : _scaling.Lo;
        var hi = _scaling.Logarithmic ? Math.Log10(_scaling.Hi) : _scaling.Hi;
        var style = new TextStyle(HeatMapLayout.TickSize);
        foreach (var tick in l.BarTicks)
        {
            var py = l.PlotBottom - ((tick.Position - lo) / (hi - lo) * l.PlotHeight);
            TickLine(l.BarRight, py, l.BarRight + (tick.Major ? 4 : 2), py);
            if (tick.Major)
            {
                _w.Text(tick.Label, l.BarRight + 7, py + (0.36 * HeatMapLayout.TickSize), style);
            }
        }

        _w.Text(_data.MetricLabel, l.MetricLabelX, l.PlotTop + (0.5 * l.PlotHeight), new TextStyle(l.MetricLabelSize, "middle", Class: "metric-label"), rotate: -90);
        _w.Close("g");
    }
}
