using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Ticks;

/// <summary>
/// Chooses the ticks of an axis of known pixel length: the finest nice set whose labels do not collide
/// (1-2-5 steps on linear axes; decades, thinned if crowded, on log axes).
/// </summary>
internal static class TickPlanner
{
    /// <summary>More labelled ticks than this clutter a 300–500 px axis whatever their width.</summary>
    public const int MaxTicks = 10;

    /// <summary>Ticks over [<paramref name="lo"/>, <paramref name="hi"/>] in axis space (log10 of the value when logarithmic).</summary>
    public static IReadOnlyList<Tick> Plan(double lo, double hi, bool logarithmic, double lengthPx, bool horizontal, double fontSize)
    {
        var axis = new AxisSpan(lo, hi, lengthPx, horizontal, fontSize);
        var ticks = logarithmic ? PlanLog(axis) : PlanLinear(axis, v => v, lo, hi);
        if (ticks.Count > 0)
        {
            return ticks;
        }

        // A very short axis may have no nice value inside: label its middle rather than nothing.
        var mid = 0.5 * (lo + hi);
        var value = logarithmic ? Math.Pow(10, mid) : mid;
        return [new Tick(mid, TickLabels.ForValue(value))];
    }

    /// <summary>The one tick of a single-valued axis, at the value itself.</summary>
    public static IReadOnlyList<Tick> Single(double position, double value) => [new Tick(position, TickLabels.ForValue(value))];

    private static List<Tick> PlanLinear(AxisSpan axis, Func<double, double> toAxis, double vLo, double vHi)
    {
        foreach (var step in NiceTicks.CandidateSteps(vLo, vHi))
        {
            var values = NiceTicks.AtStep(vLo, vHi, step).Where(v => double.IsFinite(toAxis(v))).ToArray();
            if (values.Length > MaxTicks)
            {
                continue;
            }

            var labels = TickLabels.ForStep(values, step);
            var positions = values.Select(toAxis).ToArray();
            if (values.Length >= 2 && !axis.Fits(positions, labels))
            {
                continue;
            }

            return positions.Select((p, i) => new Tick(p, labels[i])).ToList();
        }

        return [];
    }

    private static List<Tick> PlanLog(AxisSpan axis)
    {
        var kLo = (int)Math.Ceiling(axis.Lo - 1e-9);
        var kHi = (int)Math.Floor(axis.Hi + 1e-9);
        if (kHi - kLo >= 1)
        {
            foreach (var m in NiceTicks.DecadeStrides())
            {
                var ks = Enumerable.Range(kLo, kHi - kLo + 1).Where(k => k % m == 0).ToArray();
                var plain = TickLabels.PlainDecades(ks);
                var labels = ks.Select(k => TickLabels.ForDecade(k, plain)).ToArray();
                var positions = ks.Select(k => (double)k).ToArray();
                if (ks.Length > MaxTicks || (ks.Length >= 2 && !axis.Fits(positions, labels)))
                {
                    continue;
                }

                var ticks = positions.Select((p, i) => new Tick(p, labels[i])).ToList();
                if (m == 1 && axis.Px(1.0) >= 40)
                {
                    ticks.AddRange(MinorDecadeTicks(axis, kLo - 1, kHi));
                }

                return ticks;
            }
        }

        // Less than about one decade: 1-2-5 multiples, then 1…9 multiples, then plain linear ticks in value space.
        foreach (var mantissas in new[] { new[] { 1, 2, 5 }, [1, 2, 3, 4, 5, 6, 7, 8, 9] })
        {
            var values = Enumerable.Range(kLo - 1, kHi - kLo + 2)
                .SelectMany(k => mantissas.Select(j => j * Math.Pow(10, k)))
                .Where(v => Math.Log10(v) >= axis.Lo - 1e-9 && Math.Log10(v) <= axis.Hi + 1e-9)
                .ToArray();
            var labels = values.Select(TickLabels.ForValue).ToArray();
            var positions = values.Select(Math.Log10).ToArray();
            if (values.Length >= 2 && values.Length <= MaxTicks && axis.Fits(positions, labels))
            {
                return positions.Select((p, i) => new Tick(p, labels[i])).ToList();
            }
        }

        return PlanLinear(axis, v => v > 0 ? Math.Log10(v) : double.NaN, Math.Pow(10, axis.Lo), Math.Pow(10, axis.Hi));
    }

    private static IEnumerable<Tick> MinorDecadeTicks(AxisSpan axis, int kFrom, int kTo)
    {
        for (var k = kFrom; k <= kTo; k++)
        {
            for (var j = 2; j <= 9; j++)
            {
                var p = Math.Log10(j * Math.Pow(10, k));
                if (p >= axis.Lo && p <= axis.Hi)
                {
                    yield return new Tick(p, string.Empty, Major: false);
                }
            }
        }
    }

    private readonly record struct AxisSpan(double Lo, double Hi, double LengthPx, bool Horizontal, double FontSize)
    {
        public double Px(double axisDistance) => Math.Abs(axisDistance) / (Hi - Lo) * LengthPx;

        /// <summary>Neighbouring labels keep a gap of 0.8 em side by side, or 1.5 em line pitch stacked vertically.</summary>
        public bool Fits(IReadOnlyList<double> positions, IReadOnlyList<string> labels)
        {
            for (var i = 1; i < positions.Count; i++)
            {
                var need = Horizontal
                    ? (0.5 * (RichText.EstimateWidth(labels[i], FontSize) + RichText.EstimateWidth(labels[i - 1], FontSize))) + (0.8 * FontSize)
                    : 1.5 * FontSize;
                if (Px(positions[i] - positions[i - 1]) < need)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
