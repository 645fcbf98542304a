using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Reports.Interactive;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// Writes a completed sweep's outputs into its folder: <c>phase_map.parquet</c>, <c>lyapunov_spectra.parquet</c>,
/// one static SVG per main metric (heat map, or line plot for a one-axis sweep) and the interactive, self-contained
/// <c>report.html</c>.
/// </summary>
public sealed class PhaseMapFinisher(string kernels) : ISweepFinisher
{
    public const string ReportFile = "report.html";

    public async Task<string> FinishAsync(SweepPlan plan, IReadOnlyList<CellAnalyzed> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(plan.OutputFolder);
        var metadata = PhaseMapMetadata.For(plan, kernels);
        var map = PhaseMapBuilder.Build(plan, results);
        var path = Path.Combine(plan.OutputFolder, PhaseMapParquet.PhaseMapFile);
        await PhaseMapParquet.WriteAsync(path, map, metadata, cancellationToken).ConfigureAwait(false);
        if (results.Any(r => r.Series.ContainsKey("lyapunov_spectrum")))
        {
            await PhaseMapParquet.WriteLyapunovSpectraAsync(
                Path.Combine(plan.OutputFolder, PhaseMapParquet.LyapunovSpectraFile), plan, results, metadata, cancellationToken).ConfigureAwait(false);
        }

        var figures = new List<string>();
        foreach (var metric in PhaseMapPlots.DefaultMetrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PhaseMapPlots.Render(map, plan, metric) is { } svg)
            {
                AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, metric + ".svg"), svg);
                figures.Add(metric + ".svg");
            }
        }

        var failed = results.Count(r => r.Status == "failed");
        var summary = new List<(string Key, string Value)>
        {
            ("sweep", plan.Name),
            ("cells", plan.Cells.Count.ToString(CultureInfo.InvariantCulture)),
            ("failed cells", failed.ToString(CultureInfo.InvariantCulture)),
            ("axes", string.Join(" × ", plan.Axes.Select(a => $"{a.Parameter} ({a.Values.Count})"))),
            ("data", $"{PhaseMapParquet.PhaseMapFile}{(results.Any(r => r.Series.ContainsKey("lyapunov_spectrum")) ? ", " + PhaseMapParquet.LyapunovSpectraFile : "")}"),
        };
        summary.AddRange(metadata.Select(kv => (kv.Key, kv.Value)));
        var report = PhaseMapReport.Build(plan, map, summary, figures);
        AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, ReportFile), InteractiveReport.Render(report));
        return path;
    }
}
