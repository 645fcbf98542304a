using System.Globalization;

namespace OrleansSweep.Reports.Text;

/// <summary>Culture-independent number formatting: the same input gives the same bytes on every machine.</summary>
internal static class Invariant
{
    /// <summary>A coordinate in px with exactly two decimals; −0.00 is written as 0.00.</summary>
    public static string Px(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A data value for tooltips: six significant digits.</summary>
    public static string Value(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Fixed decimals, with a typographic minus sign (U+2212) for tick labels.</summary>
    public static string Fixed(double value, int decimals)
    {
        var text = value.ToString("F" + Int(decimals), CultureInfo.InvariantCulture);
        if (text.StartsWith('-'))
        {
            // "-0.0" after rounding a tiny negative is still zero.
            text = text.TrimStart('-').Trim('0', '.').Length == 0 ? text[1..] : "\u2212" + text[1..];
        }

        return text;
    }
}
