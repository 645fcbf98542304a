namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// Aggregates realisations into one compact cell result: for every metric the mean, its standard error (null with a
/// single realisation), min and max; series are averaged element-wise; statuses keep the worst realisation's text.
/// </summary>
/// <remarks>Realisations are combined in index order, so the sums (and the bits) do not depend on scheduling.</remarks>
internal static class RealizationAggregator
{
    public static (Dictionary<string, double?> Metrics, Dictionary<string, string> Statuses, Dictionary<string, double[]> Series) Aggregate(
        IReadOnlyList<RealizationResult> realizations)
    {
        var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var name in realizations.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var values = realizations.Select(r => r.Metrics.GetValueOrDefault(name)).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            metrics[name] = values.Length == 0 ? null : values.Average();
            metrics[name + "_sem"] = values.Length < 2 ? null : StandardError(values);
            metrics[name + "_min"] = values.Length == 0 ? null : values.Min();
            metrics[name + "_max"] = values.Length == 0 ? null : values.Max();
        }

        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in realizations.SelectMany(r => r.Statuses.Keys).Distinct(StringComparer.Ordinal))
        {
            // The first realisation that did not converge speaks for the cell; else they all say "converged".
            var texts = realizations.Select(r => r.Statuses.GetValueOrDefault(name)).OfType<string>().ToList();
            statuses[name] = texts.FirstOrDefault(t => !t.StartsWith("converged", StringComparison.Ordinal)) ?? texts[0];
        }

        var series = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in realizations.SelectMany(r => r.Series.Keys).Distinct(StringComparer.Ordinal))
        {
            var all = realizations.Select(r => r.Series.GetValueOrDefault(name)).OfType<double[]>().ToList();
            var length = all.Min(s => s.Length);
            series[name] = Enumerable.Range(0, length).Select(i => all.Average(s => s[i])).ToArray();
        }

        return (metrics, statuses, series);
    }

    private static double StandardError(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance / values.Length);
    }
}
