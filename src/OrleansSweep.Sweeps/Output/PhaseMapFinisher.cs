using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Reports;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// Writes a completed sweep's outputs into its folder: <c>phase_map.parquet</c>, <c>lyapunov_spectra.parquet</c>,
/// one SVG heat map per main metric and a self-contained <c>report.html</c>.
/// </summary>
public sealed class PhaseMapFinisher(string kernels) : ISweepFinisher
{
    public Task<string> FinishAsync(SweepPlan plan, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(plan.OutputFolder);
        var metadata = PhaseMapMetadata.For(plan, kernels);
        var map = PhaseMapBuilder.Build(plan, results);
        var path = Path.Combine(plan.OutputFolder, PhaseMapParquet.PhaseMapFile);
        PhaseMapParquet.Write(path, map, metadata);
        if (results.Any(r => r.Series.ContainsKey("lyapunov_spectrum")))
        {
            PhaseMapParquet.WriteLyapunovSpectra(Path.Combine(plan.OutputFolder, PhaseMapParquet.LyapunovSpectraFile), plan, results, metadata);
        }

        var sections = new List<ReportSection>();
        foreach (var metric in PhaseMapPlots.DefaultMetrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PhaseMapPlots.Render(map, plan, metric) is { } svg)
            {
                AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, metric + ".svg"), svg);
                sections.Add(new ReportSection(SymbolLabels.Metric(metric), svg, $"column {metric} of {PhaseMapParquet.PhaseMapFile}"));
            }
        }

        var failed = results.Count(r => r.Status == "failed");
        var summary = new List<(string Key, string Value)>
        {
            ("sweep", plan.Name),
            ("cells", plan.Cells.Count.ToString(CultureInfo.InvariantCulture)),
            ("failed cells", failed.ToString(CultureInfo.InvariantCulture)),
            ("axes", string.Join(" × ", plan.Axes.Select(a => $"{SymbolLabels.Parameter(a.Parameter)} ({a.Values.Count})"))),
        };
        summary.AddRange(metadata.Select(kv => (kv.Key, kv.Value)));
        AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, "report.html"), HtmlReport.Render($"OrleansSweep — {plan.Name}", summary, sections));
        return Task.FromResult(path);
    }
}
