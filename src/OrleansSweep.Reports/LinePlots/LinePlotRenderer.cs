using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;
using OrleansSweep.Reports.Ticks;

namespace OrleansSweep.Reports.LinePlots;

/// <summary>Lays out and writes one line plot. One instance per figure.</summary>
internal sealed class LinePlotRenderer
{
    private const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private const double TickSize = 11;
    private const string MeasuredColor = "#1f4e9c";
    private const string TheoryColor = "#b2182b";
    private readonly LinePlotData _data;
    private readonly HeatMapOptions _options;
    private readonly SvgWriter _w = new();
    private readonly double _left = 78, _top, _right, _bottom;
    private readonly double _xLo, _xHi, _yLo, _yHi;

    public LinePlotRenderer(LinePlotData data, HeatMapOptions options)
    {
        _data = data;
        _options = options;
        _top = options.Subtitle is null ? 52 : 68;
        _right = options.Width - 24;
        _bottom = options.Height - 78;
        var xs = data.X.Values.Select(ToAxis).ToList();
        (_xLo, _xHi) = Pad(xs.Min(), xs.Max(), 0.04);
        var ys = new List<double>();
        for (var i = 0; i < data.Values.Count; i++)
        {
            if (Finite(data.Values[i]) is { } v)
            {
                var sem = Finite(data.Sem?[i]) ?? 0;
                ys.Add(v - sem);
                ys.Add(v + sem);
            }

            if (Finite(data.Theory?[i]) is { } theory)
            {
                ys.Add(theory);
            }
        }

        (_yLo, _yHi) = ys.Count == 0 ? (-1.0, 1.0) : Pad(ys.Min(), ys.Max(), 0.06);
    }

    public string Render()
    {
        _w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        _w.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"), ("width", Invariant.Int(_options.Width)),
            ("height", Invariant.Int(_options.Height)), ("viewBox", $"0 0 {Invariant.Int(_options.Width)} {Invariant.Int(_options.Height)}"),
            ("font-family", FontFamily));
        _w.Element("rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));
        _w.Text(_options.Title, _options.Width / 2.0, 26, new TextStyle(16, "middle", Bold: true, Class: "title"));
        if (_options.Subtitle is { } subtitle)
        {
            _w.Text(subtitle, _options.Width / 2.0, 46, new TextStyle(12, "middle", "#555555", Class: "subtitle"));
        }

        WriteAxes();
        if (_yLo < 0 && _yHi > 0)
        {
            var zero = Y(0);
            _w.Element("line", ("class", "zero"), ("x1", Invariant.Px(_left)), ("y1", Invariant.Px(zero)), ("x2", Invariant.Px(_right)),
                ("y2", Invariant.Px(zero)), ("stroke", "#888888"), ("stroke-dasharray", "2 3"), ("stroke-width", "1"));
        }

        WriteCrossings();
        if (_data.Theory is { } theory)
        {
            Polylines("theory", theory, TheoryColor, "6 4");
        }

        Polylines("measured", _data.Values, MeasuredColor, null);
        WritePoints();
        WriteFailed();
        WriteLegend();
        _w.Close("svg");
        return _w.ToString();
    }

    private void WriteAxes()
    {
        _w.Element("rect", ("class", "frame"), ("x", Invariant.Px(_left)), ("y", Invariant.Px(_top)), ("width", Invariant.Px(_right - _left)),
            ("height", Invariant.Px(_bottom - _top)), ("fill", "none"), ("stroke", "#333333"), ("stroke-width", "0.8"));
        _w.Open("g", ("class", "x-axis"));
        foreach (var tick in TickPlanner.Plan(_xLo, _xHi, _data.X.Logarithmic, _right - _left, horizontal: true, TickSize))
        {
            var px = X(tick.Position);
            Line(px, _bottom, px, _bottom + (tick.Major ? 5 : 3));
            if (tick.Major)
            {
                _w.Text(tick.Label, px, _bottom + 18, new TextStyle(TickSize, "middle"));
            }
        }

        var unit = _data.X.Unit is null ? "" : $" ({_data.X.Unit})";
        _w.Text(_data.X.Label + unit, (_left + _right) / 2, _bottom + 42, new TextStyle(14, "middle", Class: "axis-label"));
        _w.Close("g");
        _w.Open("g", ("class", "y-axis"));
        foreach (var tick in TickPlanner.Plan(_yLo, _yHi, false, _bottom - _top, horizontal: false, TickSize))
        {
            var py = Y(tick.Position);
            Line(_left - (tick.Major ? 5 : 3), py, _left, py);
            if (tick.Major)
            {
                _w.Text(tick.Label, _left - 8, py + (0.36 * TickSize), new TextStyle(TickSize, "end"));
            }
        }

        _w.Text(_data.MetricLabel, 20, (_top + _bottom) / 2, new TextStyle(14, "middle", Class: "axis-label"), rotate: -90);
        _w.Close("g");
    }

    /// <summary>One polyline per run of defined values: a gap where a value is missing.</summary>
    private void Polylines(string name, IReadOnlyList<double?> values, string color, string? dash)
    {
        _w.Open("g", ("class", name), ("fill", "none"), ("stroke", color), ("stroke-width", "1.8"), ("stroke-dasharray", dash ?? "none"));
        var run = new List<string>();
        for (var i = 0; i <= values.Count; i++)
        {
            if (i < values.Count && Finite(values[i]) is { } v)
            {
                run.Add($"{Invariant.Px(X(ToAxis(_data.X.Values[i])))},{Invariant.Px(Y(v))}");
                continue;
            }

            if (run.Count > 1)
            {
                _w.Element("polyline", ("points", string.Join(' ', run)));
            }

            run.Clear();
        }

        _w.Close("g");
    }

    private void WritePoints()
    {
        _w.Open("g", ("class", "points"), ("fill", MeasuredColor), ("stroke", MeasuredColor));
        for (var i = 0; i < _data.Values.Count; i++)
        {
            if (Finite(_data.Values[i]) is not { } v)
            {
                continue;
            }

            var (px, py) = (X(ToAxis(_data.X.Values[i])), Y(v));
            if (Finite(_data.Sem?[i]) is { } sem && sem > 0)
            {
                Line(px, Y(v - sem), px, Y(v + sem), MeasuredColor, "sem");
                Line(px - 3, Y(v - sem), px + 3, Y(v - sem), MeasuredColor, "sem");
                Line(px - 3, Y(v + sem), px + 3, Y(v + sem), MeasuredColor, "sem");
            }

            var theory = Finite(_data.Theory?[i]) is { } t ? $", theory {Invariant.Value(t)}" : "";
            var error = Finite(_data.Sem?[i]) is { } e ? $" ± {Invariant.Value(e)}" : "";
            _w.ElementWithTitle("circle", $"{RichText.Plain(_data.X.Label)} = {Invariant.Value(_data.X.Values[i])}: {Invariant.Value(v)}{error}{theory}",
                ("cx", Invariant.Px(px)), ("cy", Invariant.Px(py)), ("r", "3"));
        }

        _w.Close("g");
    }

    /// <summary>Each crossing: a grey ±SEM band clipped to the plot, then a vertical line (dotted when not significant).</summary>
    private void WriteCrossings()
    {
        if (_data.Crossings is not { Count: > 0 } crossings)
        {
            return;
        }

        _w.Open("g", ("class", "crossings"));
        foreach (var crossing in crossings)
        {
            var px = X(ToAxis(crossing.X));
            if (!double.IsFinite(px) || px < _left || px > _right)
            {
                continue;
            }

            var sem = double.IsFinite(crossing.Sem) && crossing.Sem > 0 ? $" ± {Invariant.Value(crossing.Sem)}" : double.IsInfinity(crossing.Sem) ? " (not located)" : "";
            var title = $"boundary: {RichText.Plain(_data.X.Label)} = {Invariant.Value(crossing.X)}{sem}{(crossing.Significant ? "" : " (not significant)")}";
            if (double.IsFinite(crossing.Sem) && crossing.Sem > 0)
            {
                var lo = Math.Clamp(X(ToAxis(crossing.X - crossing.Sem)), _left, _right);
                var hi = Math.Clamp(X(ToAxis(crossing.X + crossing.Sem)), _left, _right);
                lo = double.IsFinite(lo) ? lo : _left;
                _w.ElementWithTitle("rect", title, ("class", "band"), ("x", Invariant.Px(lo)), ("y", Invariant.Px(_top)), ("width", Invariant.Px(Math.Max(hi - lo, 0))),
                    ("height", Invariant.Px(_bottom - _top)), ("fill", "#000000"), ("fill-opacity", "0.12"));
            }

            _w.ElementWithTitle("line", title, ("class", "crossing"), ("x1", Invariant.Px(px)), ("y1", Invariant.Px(_top)), ("x2", Invariant.Px(px)), ("y2", Invariant.Px(_bottom)),
                ("stroke", "#000000"), ("stroke-width", "1.4"), ("stroke-dasharray", crossing.Significant ? "none" : "2 3"));
        }

        _w.Close("g");
    }

    private void WriteFailed()
    {
        if (_data.Failed is not { } failed || !failed.Contains(true))
        {
            return;
        }

        _w.Open("g", ("class", "failed"), ("stroke", "#000000"), ("stroke-width", "1.6"));
        for (var i = 0; i < failed.Count; i++)
        {
            if (failed[i])
            {
                var (px, py) = (X(ToAxis(_data.X.Values[i])), _bottom - 8);
                _w.ElementWithTitle("path", $"{RichText.Plain(_data.X.Label)} = {Invariant.Value(_data.X.Values[i])}: cell failed",
                    ("d", $"M{Invariant.Px(px - 4)},{Invariant.Px(py - 4)}L{Invariant.Px(px + 4)},{Invariant.Px(py + 4)}M{Invariant.Px(px - 4)},{Invariant.Px(py + 4)}L{Invariant.Px(px + 4)},{Invariant.Px(py - 4)}"));
            }
        }

        _w.Close("g");
    }

    private void WriteLegend()
    {
        var entries = new List<(string Label, string Color, string? Dash)> { (_data.Sem is null ? "value" : "measured ± SEM", MeasuredColor, null) };
        if (_data.Theory is not null)
        {
            entries.Add(("theory", TheoryColor, "6 4"));
        }

        if (_data.Crossings is { Count: > 0 })
        {
            entries.Add(("boundary ± SEM", "#000000", null));
        }

        if (_data.Failed?.Contains(true) == true)
        {
            entries.Add(("× failed cell", "#000000", null));
        }

        _w.Open("g", ("class", "legend"));
        var x = _left;
        var y = _options.Height - 14.0;
        foreach (var (label, color, dash) in entries)
        {
            if (!label.StartsWith('×'))
            {
                _w.Element("line", ("x1", Invariant.Px(x)), ("y1", Invariant.Px(y - 4)), ("x2", Invariant.Px(x + 24)), ("y2", Invariant.Px(y - 4)),
                    ("stroke", color), ("stroke-width", "1.8"), ("stroke-dasharray", dash ?? "none"));
                x += 30;
            }

            _w.Text(label, x, y, new TextStyle(12));
            x += RichText.EstimateWidth(label, 12) + 24;
        }

        _w.Close("g");
    }

    private void Line(double x1, double y1, double x2, double y2, string color = "#333333", string? name = null)
    {
        if (name is null)
        {
            _w.Element("line", ("x1", Invariant.Px(x1)), ("y1", Invariant.Px(y1)), ("x2", Invariant.Px(x2)), ("y2", Invariant.Px(y2)), ("stroke", color), ("stroke-width", "0.8"));
            return;
        }

        _w.Element("line", ("class", name), ("x1", Invariant.Px(x1)), ("y1", Invariant.Px(y1)), ("x2", Invariant.Px(x2)), ("y2", Invariant.Px(y2)), ("stroke", color), ("stroke-width", "1"));
    }

    private double ToAxis(double value) => _data.X.Logarithmic ? Math.Log10(value) : value;

    private double X(double axisValue) => _left + ((axisValue - _xLo) / (_xHi - _xLo) * (_right - _left));

    private double Y(double value) => _bottom - ((value - _yLo) / (_yHi - _yLo) * (_bottom - _top));

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Widens [lo, hi] by a fraction on each side; a single value gets ±10 % (±1 at 0).</summary>
    private static (double Lo, double Hi) Pad(double lo, double hi, double fraction)
    {
        if (hi - lo <= 0)
        {
            var half = lo == 0 ? 1 : 0.1 * Math.Abs(lo);
            return (lo - half, hi + half);
        }

        var pad = fraction * (hi - lo);
        return (lo - pad, hi + pad);
    }
}
