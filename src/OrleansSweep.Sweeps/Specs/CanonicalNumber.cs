using System.Globalization;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The one text form of a number used in canonical specs, fingerprints and cell ids: the shortest round-trip
/// ("R") form in the invariant culture, with −0 written as 0. The same double always gives the same text, on every
/// machine and culture; two different doubles never do.
/// </summary>
internal static class CanonicalNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "canonical numbers are finite");
        }

        // −0 and 0 are the same parameter value; "R" would print them differently.
        return value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number for a human message: the same text as <see cref="Format(double)"/>, tolerant of non-finite values.</summary>
    public static string Show(double value) =>
        double.IsFinite(value) ? Format(value) : value.ToString(CultureInfo.InvariantCulture);
}
