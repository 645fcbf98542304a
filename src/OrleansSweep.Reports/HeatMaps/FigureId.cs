using System.Globalization;

namespace OrleansSweep.Reports.HeatMaps;

/// <summary>
/// A deterministic id prefix for the defs (hatch pattern, gradient) of one figure: FNV-1a 64 over all its inputs.
/// </summary>
/// <remarks>
/// Several SVGs inlined in one HTML page share a single id space; fixed ids would make every figure use the first
/// figure's gradient. Hashing the inputs keeps ids distinct between different figures and identical for identical
/// inputs, so output bytes stay a pure function of the input.
/// </remarks>
internal static class FigureId
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string Of(HeatMapData data, HeatMapOptions options)
    {
        var h = Offset;
        Add(ref h, options.Title);
        Add(ref h, options.Subtitle ?? "\0null");
        Add(ref h, options.DrawZeroContour ? 1 : 0);
        Add(ref h, (long)options.Scale);
        Add(ref h, options.Width);
        Add(ref h, options.Height);
        foreach (var axis in new[] { data.X, data.Y })
        {
            Add(ref h, axis.Name);
            Add(ref h, axis.Label);
            Add(ref h, axis.Unit ?? "\0null");
            Add(ref h, axis.Logarithmic ? 1 : 0);
            foreach (var v in axis.Values)
            {
                Add(ref h, BitConverter.DoubleToInt64Bits(v));
            }
        }

        Add(ref h, data.Metric);
        Add(ref h, data.MetricLabel);
        foreach (var v in data.Values)
        {
            Add(ref h, v is { } value ? BitConverter.DoubleToInt64Bits(value) : long.MinValue + 1);
        }

        foreach (var overlay in options.Overlays ?? [])
        {
            Add(ref h, overlay.Label);
            Add(ref h, overlay.Dashed ? 1 : 0);
            foreach (var (x, y) in overlay.Points)
            {
                Add(ref h, BitConverter.DoubleToInt64Bits(x));
                Add(ref h, BitConverter.DoubleToInt64Bits(y));
            }
        }

        return "hm" + h.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The id of a non-uniform cell map: as above over its axes, cells and boundary.</summary>
    public static string Of(CellMapData data, HeatMapOptions options)
    {
        var h = Offset;
        Add(ref h, "cell-map");
        Add(ref h, options.Title);
        Add(ref h, options.Subtitle ?? "\0null");
        Add(ref h, (long)options.Scale);
        Add(ref h, options.Width);
        Add(ref h, options.Height);
        foreach (var axis in new[] { data.X, data.Y })
        {
            Add(ref h, axis.Name);
            Add(ref h, axis.Label);
            Add(ref h, axis.Logarithmic ? 1 : 0);
        }

        Add(ref h, data.Metric);
        foreach (var cell in data.Cells)
        {
            foreach (var v in new[] { cell.XLower, cell.XUpper, cell.YLower, cell.YUpper, cell.Value ?? double.NaN })
            {
                Add(ref h, BitConverter.DoubleToInt64Bits(v));
            }
        }

        foreach (var mark in data.Boundary ?? [])
        {
            Add(ref h, BitConverter.DoubleToInt64Bits(mark.X));
            Add(ref h, BitConverter.DoubleToInt64Bits(mark.Y));
        }

        foreach (var overlay in options.Overlays ?? [])
        {
            Add(ref h, overlay.Label);
        }

        return "cm" + h.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static void Add(ref ulong h, string text)
    {
        Add(ref h, text.Length);
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }
    }

    private static void Add(ref ulong h, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            h = (h ^ (byte)(value >> (8 * i))) * Prime;
        }
    }
}
