namespace OrleansSweep.Reports.Colors;

/// <summary>The resolved mapping from metric values to colours: scale kind, colour map and value domain.</summary>
/// <remarks>
/// The domain never has zero width, so a constant field does not divide by zero: a constant v is shown at the middle
/// of [v − δ, v + δ] with δ = 0.1 |v| (1 when v = 0; half a decade on a log scale).
/// </remarks>
internal sealed class ColorScaling
{
    private ColorScaling(ColorScale kind, ColorMap map, double lo, double hi)
    {
        Kind = kind;
        Map = map;
        Lo = lo;
        Hi = hi;
    }

    /// <summary>Sequential, Diverging or LogSequential (never Auto).</summary>
    public ColorScale Kind { get; }

    public ColorMap Map { get; }

    /// <summary>Lower end of the domain, in value units (&gt; 0 for a log scale).</summary>
    public double Lo { get; }

    /// <summary>Upper end of the domain, in value units; always &gt; <see cref="Lo"/>.</summary>
    public double Hi { get; }

    public bool Logarithmic => Kind == ColorScale.LogSequential;

    /// <summary>Chooses the scale and domain from the finite values (missing cells are excluded by the caller).</summary>
    public static ColorScaling Resolve(ColorScale requested, IReadOnlyCollection<double> finiteValues)
    {
        var min = finiteValues.Count == 0 ? 0.0 : finiteValues.Min();
        var max = finiteValues.Count == 0 ? 0.0 : finiteValues.Max();
        var kind = requested == ColorScale.Auto ? (min < 0 && max > 0 ? ColorScale.Diverging : ColorScale.Sequential) : requested;
        switch (kind)
        {
            case ColorScale.Diverging:
                var m = Math.Max(Math.Abs(min), Math.Abs(max));
                m = m > 0 ? m : 1.0;
                return new ColorScaling(kind, ColorMaps.BlueWhiteRed, -m, m);
            case ColorScale.LogSequential:
                var positive = finiteValues.Where(v => v > 0).ToArray();
                if (positive.Length == 0)
                {
                    return new ColorScaling(kind, ColorMaps.Viridis, 1.0, 10.0);
                }

                var pMin = positive.Min();
                var pMax = positive.Max();
                return pMax > pMin
                    ? new ColorScaling(kind, ColorMaps.Viridis, pMin, pMax)
                    : new ColorScaling(kind, ColorMaps.Viridis, pMin / Math.Sqrt(10), pMin * Math.Sqrt(10));
            default:
                if (max > min)
                {
                    return new ColorScaling(ColorScale.Sequential, ColorMaps.Viridis, min, max);
                }

                var delta = min != 0 ? 0.1 * Math.Abs(min) : 1.0;
                return new ColorScaling(ColorScale.Sequential, ColorMaps.Viridis, min - delta, min + delta);
        }
    }

    /// <summary>Whether <paramref name="value"/> can be coloured (finite, and &gt; 0 on a log scale).</summary>
    public bool IsDrawable(double value) => double.IsFinite(value) && (!Logarithmic || value > 0);

    /// <summary>Position of <paramref name="value"/> on the colour map, clamped to [0, 1]; requires <see cref="IsDrawable"/>.</summary>
    public double ToUnit(double value)
    {
        var t = Logarithmic
            ? (Math.Log10(value) - Math.Log10(Lo)) / (Math.Log10(Hi) - Math.Log10(Lo))
            : (value - Lo) / (Hi - Lo);
        return Math.Clamp(t, 0.0, 1.0);
    }

    /// <summary>The colour of a drawable value.</summary>
    public Rgb ColorOf(double value) => Map.At(ToUnit(value));
}
