namespace OrleansSweep.Reports.Ticks;

/// <summary>Formats tick values with a common number of decimals (or a common power of ten for very large or small values).</summary>
internal static class TickLabels
{
    /// <summary>Labels for multiples of <paramref name="step"/>; all share one format so that columns line up.</summary>
    public static string[] ForStep(IReadOnlyList<double> values, double step)
    {
        var decimals = NiceTicks.Decimals(step);
        var maxAbs = values.Count == 0 ? 0.0 : values.Max(Math.Abs);
        if (maxAbs < 1e5 && decimals <= 4)
        {
            return values.Select(v => Text.Invariant.Fixed(v, decimals)).ToArray();
        }

        // Scientific form m×10^p with one p for all ticks; the mantissa keeps just enough decimals for the step.
        var p = maxAbs > 0 ? (int)Math.Floor(Math.Log10(maxAbs) + 1e-9) : 0;
        var mantissaDecimals = Math.Max(0, p - (int)Math.Floor(Math.Log10(step) + 1e-9));
        var scale = Math.Pow(10, p);
        return values
            .Select(v => v == 0 ? "0" : Text.Invariant.Fixed(v / scale, mantissaDecimals) + "×10^{" + Text.Invariant.Fixed(p, 0) + "}")
            .ToArray();
    }

    /// <summary>The label of the decade 10^k: a plain number for 10^−3 … 10^4, else 10^k.</summary>
    public static string ForDecade(int k, bool plain) =>
        plain ? Text.Invariant.Fixed(Math.Pow(10, k), Math.Max(0, -k)) : "10^{" + Text.Invariant.Fixed(k, 0) + "}";

    /// <summary>A single value with as many decimals as it needs (up to six significant digits).</summary>
    public static string ForValue(double value)
    {
        var text = value.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(value) >= 1e6 || (value != 0 && Math.Abs(value) < 1e-4))
        {
            text = value.ToString("0.#####E0", System.Globalization.CultureInfo.InvariantCulture);
        }

        return text.StartsWith('-') ? "\u2212" + text[1..] : text;
    }

    /// <summary>Whether all decades <paramref name="exponents"/> read well as plain numbers.</summary>
    public static bool PlainDecades(IReadOnlyList<int> exponents) => exponents.All(k => k is >= -3 and <= 4);
}
