namespace OrleansSweep.Reports.Ticks;

/// <summary>"Nice" tick values: steps of 1, 2 or 5 × 10^k on linear axes, decades on log axes.</summary>
internal static class NiceTicks
{
    private static readonly double[] Mantissas = [1.0, 2.0, 5.0];

    /// <summary>
    /// The 1-2-5 steps worth trying for [<paramref name="lo"/>, <paramref name="hi"/>], finest first: from about a
    /// thousandth of the range up to a step larger than the range (which leaves at most one tick).
    /// </summary>
    public static IEnumerable<double> CandidateSteps(double lo, double hi)
    {
        var range = hi - lo;
        if (!(range > 0) || !double.IsFinite(range))
        {
            yield break;
        }

        var e0 = (int)Math.Floor(Math.Log10(range)) - 3;
        for (var e = e0; e <= e0 + 5; e++)
        {
            foreach (var m in Mantissas)
            {
                yield return m * Math.Pow(10, e);
            }
        }
    }

    /// <summary>All multiples of <paramref name="step"/> within [lo, hi], ends included up to rounding.</summary>
    public static double[] AtStep(double lo, double hi, double step)
    {
        // Multiples are k·step with integer k, so 0 is exactly 0. The slack (1e-9 of a step, more for large k, where
        // lo/step itself carries a rounding error of about 1e-16·|k|) keeps a tick that sits exactly on an end.
        var kLoExact = lo / step;
        var kHiExact = hi / step;
        var kLo = (long)Math.Ceiling(kLoExact - Slack(kLoExact));
        var kHi = (long)Math.Floor(kHiExact + Slack(kHiExact));
        if (kHi < kLo)
        {
            return [];
        }

        var ticks = new double[kHi - kLo + 1];
        for (var k = kLo; k <= kHi; k++)
        {
            ticks[k - kLo] = k * step;
        }

        return ticks;
    }

    private static double Slack(double k) => 1e-9 + (1e-12 * Math.Abs(k));

    /// <summary>The finest 1-2-5 step giving at most <paramref name="maxCount"/> ticks in [lo, hi], and its ticks.</summary>
    public static (double[] Values, double Step) Linear(double lo, double hi, int maxCount)
    {
        var last = (Values: Array.Empty<double>(), Step: double.NaN);
        foreach (var step in CandidateSteps(lo, hi))
        {
            var values = AtStep(lo, hi, step);
            last = (values, step);
            if (values.Length <= maxCount)
            {
                return last;
            }
        }

        return last;
    }

    /// <summary>
    /// Decades 10^k within [lo, hi] (value space, both &gt; 0), thinned to every m-th decade (m = 1, 2, 3, 5, 10, …,
    /// aligned so that k is a multiple of m) until at most <paramref name="maxCount"/> remain.
    /// </summary>
    public static double[] Decades(double lo, double hi, int maxCount)
    {
        var exponents = DecadeExponents(lo, hi, maxCount);
        return Array.ConvertAll(exponents, k => Math.Pow(10, k));
    }

    /// <summary>The exponents k of <see cref="Decades"/>.</summary>
    public static int[] DecadeExponents(double lo, double hi, int maxCount)
    {
        var kLo = (int)Math.Ceiling(Math.Log10(lo) - 1e-9);
        var kHi = (int)Math.Floor(Math.Log10(hi) + 1e-9);
        if (kHi < kLo)
        {
            return [];
        }

        foreach (var m in DecadeStrides())
        {
            var ks = Enumerable.Range(kLo, kHi - kLo + 1).Where(k => k % m == 0).ToArray();
            if (ks.Length <= Math.Max(maxCount, 1))
            {
                return ks;
            }
        }

        return [kLo];
    }

    /// <summary>1, 2, 3, 5, 10, 20, 50, 100, … decades between labelled ticks.</summary>
    public static IEnumerable<int> DecadeStrides()
    {
        yield return 1;
        yield return 2;
        yield return 3;
        yield return 5;
        for (var p = 10; p <= 1000; p *= 10)
        {
            yield return p;
            yield return 2 * p;
            yield return 5 * p;
        }
    }

    /// <summary>Decimals needed to show multiples of a 1-2-5 <paramref name="step"/> exactly.</summary>
    public static int Decimals(double step) => Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
}
