using OrleansSweep.Reports.Colors;
using OrleansSweep.Reports.Contours;
using OrleansSweep.Reports.Geometry;
using OrleansSweep.Reports.Svg;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.HeatMaps;

/// <summary>Draws one heat map as a standalone SVG 1.1 document. One instance per figure.</summary>
internal sealed partial class HeatMapRenderer
{
    private const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private readonly HeatMapData _data;
    private readonly HeatMapOptions _options;
    private readonly AxisGeometry _x;
    private readonly AxisGeometry _y;
    private readonly ColorScaling _scaling;
    private readonly bool[,] _missing;
    private readonly int _missingCount;
    private readonly IReadOnlyList<IReadOnlyList<(double X, double Y)>> _contour;
    private readonly HeatMapLayout _layout;
    private readonly string _id;
    private readonly SvgWriter _w = new();

    public HeatMapRenderer(HeatMapData data, HeatMapOptions options)
    {
        _data = data;
        _options = options;
        _x = AxisGeometry.From(data.X, nameof(data));
        _y = AxisGeometry.From(data.Y, nameof(data));
        if (data.Values.GetLength(0) != _x.Count || data.Values.GetLength(1) != _y.Count)
        {
            throw new ArgumentException(
                $"Values are {data.Values.GetLength(0)}×{data.Values.GetLength(1)} but the axes have {_x.Count}×{_y.Count} values.", nameof(data));
        }

        var finite = new List<double>(data.Values.Length);
        foreach (var v in data.Values)
        {
            if (v is { } value && double.IsFinite(value))
            {
                finite.Add(value);
            }
        }

        _scaling = ColorScaling.Resolve(options.Scale, finite);
        _missing = new bool[_x.Count, _y.Count];
        var field = new double[_x.Count, _y.Count];
        for (var i = 0; i < _x.Count; i++)
        {
            for (var j = 0; j < _y.Count; j++)
            {
                var v = data.Values[i, j];
                _missing[i, j] = v is not { } value || !_scaling.IsDrawable(value);
                _missingCount += _missing[i, j] ? 1 : 0;
                field[i, j] = v is { } f && double.IsFinite(f) ? f : double.NaN;
            }
        }

        // The zero contour on the cell-centre grid, in axis space (log10 on log axes, where the centres are evenly spread).
        _contour = options.DrawZeroContour ? MarchingSquares.Trace(_x.Centres, _y.Centres, field, 0.0) : [];
        _layout = HeatMapLayout.Compute(options, _x, _y, _scaling, AxisText(data.X), AxisText(data.Y), data.MetricLabel, LegendEntries());
        _id = FigureId.Of(data, options);
    }

    public string Render()
    {
        _w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var width = Invariant.Int(_options.Width);
        var height = Invariant.Int(_options.Height);
        _w.Open(
            "svg",
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("version", "1.1"),
            ("width", width),
            ("height", height),
            ("viewBox", "0 0 " + width + " " + height),
            ("font-family", FontFamily));
        _w.PlainText("title", RichText.Plain(_options.Title));
        _w.PlainText("desc", Description());
        WriteDefs();
        _w.Element("rect", ("class", "background"), ("width", width), ("height", height), ("fill", "#ffffff"));
        WriteTitles();
        if (_cellMap is { } cellMap)
        {
            WriteCellRects(cellMap);
        }
        else
        {
            WriteCells();
        }

        _w.Element(
            "rect",
            ("class", "plot-frame"),
            ("x", Invariant.Px(_layout.PlotLeft)),
            ("y", Invariant.Px(_layout.PlotTop)),
            ("width", Invariant.Px(_layout.PlotWidth)),
            ("height", Invariant.Px(_layout.PlotHeight)),
            ("fill", "none"),
            ("stroke", "#333333"),
            ("stroke-width", "0.8"));
        WriteContour();
        WriteOverlays();
        if (_cellMap is { } boundaryMap)
        {
            WriteBoundary(boundaryMap);
        }

        WriteAxes();
        WriteColorBar();
        WriteLegend();
        _w.Close("svg");
        return _w.ToString();
    }

    private static string AxisText(Axis axis) => axis.Unit is null ? axis.Label : axis.Label + " (" + axis.Unit + ")";

    private string HatchId => _id + "-missing";

    private string GradientId => _id + "-colormap";

    private List<LegendEntry> LegendEntries()
    {
        var entries = new List<LegendEntry>();
        if (_contour.Any(line => line.Count >= 2))
        {
            entries.Add(new LegendEntry(LegendKind.Contour, _data.MetricLabel + " = 0"));
        }

        var overlays = _options.Overlays ?? [];
        for (var k = 0; k < overlays.Count; k++)
        {
            entries.Add(new LegendEntry(LegendKind.Overlay, overlays[k].Label, k));
        }

        if (_cellMap is { Boundary.Count: > 0 } cellMap)
        {
            entries.Add(new LegendEntry(LegendKind.Boundary, cellMap.BoundaryLabel ?? "boundary ± SEM"));
        }

        if (_missingCount > 0)
        {
            entries.Add(new LegendEntry(LegendKind.Missing, _scaling.Logarithmic ? "missing, failed or ≤ 0" : "missing / failed"));
        }

        return entries;
    }

    private string Description()
    {
        if (_cellMap is { } cellMap)
        {
            return CellMapDescription(cellMap);
        }

        var range = _missingCount == _data.Values.Length
            ? "no finite values"
            : $"colour range [{Invariant.Value(_scaling.Lo)}, {Invariant.Value(_scaling.Hi)}] ({_scaling.Kind}, {_scaling.Map.Name})";
        return $"{_data.Metric} over {_data.X.Name} × {_data.Y.Name}: {Invariant.Int(_x.Count)}×{Invariant.Int(_y.Count)} cells, "
            + $"{Invariant.Int(_missingCount)} missing; {range}.";
    }
}
