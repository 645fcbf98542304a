namespace OrleansSweep.Reports.Geometry;

/// <summary>An axis in "axis space" (the value, or log10 of it on a log axis): cell centres, cell edges and extent.</summary>
internal sealed class AxisGeometry
{
    private AxisGeometry(Axis axis, double[] centres, double[] edges)
    {
        Axis = axis;
        Centres = centres;
        Edges = edges;
        Lo = Math.Min(edges[0], edges[^1]);
        Hi = Math.Max(edges[0], edges[^1]);
    }

    public Axis Axis { get; }

    public int Count => Centres.Length;

    /// <summary>Cell centres in axis space.</summary>
    public double[] Centres { get; }

    /// <summary>Cell edges in axis space, <see cref="Count"/> + 1 of them, in the order of the values.</summary>
    public double[] Edges { get; }

    /// <summary>Smallest edge: the start of the plot.</summary>
    public double Lo { get; }

    /// <summary>Largest edge: the end of the plot.</summary>
    public double Hi { get; }

    /// <summary>Validates <paramref name="axis"/> and computes its cells.</summary>
    /// <exception cref="ArgumentException">No values; a non-finite value; values not strictly monotone; a value ≤ 0 on a log axis.</exception>
    public static AxisGeometry From(Axis axis, string paramName)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var n = axis.Values.Count;
        if (n == 0)
        {
            throw new ArgumentException($"Axis '{axis.Name}' has no values.", paramName);
        }

        var centres = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = axis.Values[i];
            if (!double.IsFinite(v) || (axis.Logarithmic && v <= 0))
            {
                throw new ArgumentException($"Axis '{axis.Name}' value {v} at {i} is not finite{(axis.Logarithmic ? " and positive (log axis)" : string.Empty)}.", paramName);
            }

            centres[i] = axis.Logarithmic ? Math.Log10(v) : v;
        }

        var sign = n > 1 ? Math.Sign(centres[1] - centres[0]) : 1;
        for (var i = 1; i < n; i++)
        {
            if (sign == 0 || Math.Sign(centres[i] - centres[i - 1]) != sign)
            {
                throw new ArgumentException($"Axis '{axis.Name}' values must be strictly increasing or strictly decreasing (index {i}).", paramName);
            }
        }

        return new AxisGeometry(axis, centres, ComputeEdges(centres, axis.Logarithmic));
    }

    /// <summary>
    /// <paramref name="axis"/> (validated as by <see cref="From"/>, its values the centres) spanning exactly
    /// [<paramref name="lower"/>, <paramref name="upper"/>] in data units: the extent of cells that carry their own
    /// edges (a refined map), which stop at the range's ends rather than half a spacing beyond.
    /// </summary>
    public static AxisGeometry Spanning(Axis axis, double lower, double upper, string paramName)
    {
        var grid = From(axis, paramName);
        var (lo, hi) = (grid.ToAxis(lower), grid.ToAxis(upper));
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi)
        {
            throw new ArgumentException($"Axis '{axis.Name}' cannot span [{lower}, {upper}].", paramName);
        }

        if (lo == hi)
        {
            // Cells of zero width along the axis: give the plot a width, as for a single value.
            var half = axis.Logarithmic ? 0.5 : (lo != 0 ? 0.1 * Math.Abs(lo) : 0.5);
            (lo, hi) = (lo - half, hi + half);
        }

        return new AxisGeometry(axis, grid.Centres, [lo, hi]);
    }

    /// <summary>Maps a data value to axis space: log10 on a log axis (NaN for values ≤ 0), else itself.</summary>
    public double ToAxis(double value) => Axis.Logarithmic ? (value > 0 ? Math.Log10(value) : double.NaN) : value;

    /// <summary>Maps axis space to a pixel coordinate between <paramref name="pxLo"/> (at <see cref="Lo"/>) and <paramref name="pxHi"/>.</summary>
    public double ToPx(double axisValue, double pxLo, double pxHi) => pxLo + ((axisValue - Lo) / (Hi - Lo) * (pxHi - pxLo));

    private static double[] ComputeEdges(double[] c, bool logarithmic)
    {
        var n = c.Length;
        var edges = new double[n + 1];
        if (n == 1)
        {
            // No neighbour to take a spacing from: ±half a decade on a log axis, else ±10 % of the value (±0.5 at 0).
            var half = logarithmic ? 0.5 : (c[0] != 0 ? 0.1 * Math.Abs(c[0]) : 0.5);
            edges[0] = c[0] - half;
            edges[1] = c[0] + half;
            return edges;
        }

        // Edges halfway between neighbouring centres (in log space on log axes); outer edges by half the outer spacing.
        edges[0] = c[0] - (0.5 * (c[1] - c[0]));
        for (var i = 1; i < n; i++)
        {
            edges[i] = 0.5 * (c[i - 1] + c[i]);
        }

        edges[n] = c[n - 1] + (0.5 * (c[n - 1] - c[n - 2]));
        return edges;
    }
}
