using System.Globalization;
using OrleansSweep.Contracts;
using OrleansSweep.Reports.Interactive;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;

namespace OrleansSweep.Sweeps.Output;

/// <summary>
/// Writes a completed sweep's outputs into its folder: <c>phase_map.parquet</c>, <c>lyapunov_spectra.parquet</c>,
/// for a refined sweep <c>phase_boundary.parquet</c>, one static SVG per main metric (heat map, or line plot for a
/// one-axis sweep) and the interactive, self-contained <c>report.html</c>.
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
        var hasSpectra = results.Any(r => r.Series.ContainsKey("lyapunov_spectrum"));
        if (hasSpectra)
        {
            await PhaseMapParquet.WriteLyapunovSpectraAsync(
                Path.Combine(plan.OutputFolder, PhaseMapParquet.LyapunovSpectraFile), plan, results, metadata, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<BoundaryPoint>? boundary = null;
        if (plan.Refinement is { } refinement)
        {
            boundary = RefinementOutputs.Boundary(refinement, results, cancellationToken);
            await PhaseBoundaryParquet.WriteAsync(
                Path.Combine(plan.OutputFolder, PhaseBoundaryParquet.FileName), plan, boundary, metadata, cancellationToken).ConfigureAwait(false);
        }

        var figures = new List<string>();
        foreach (var metric in PhaseMapPlots.DefaultMetrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PhaseMapPlots.Render(map, plan, metric, boundary: boundary) is { } svg)
            {
                AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, metric + ".svg"), svg);
                figures.Add(metric + ".svg");
            }
        }

        var failed = results.Count(r => r.Status == "failed");
        var files = new List<string> { PhaseMapParquet.PhaseMapFile };
        if (hasSpectra)
        {
            files.Add(PhaseMapParquet.LyapunovSpectraFile);
        }

        if (boundary is not null)
        {
            files.Add(PhaseBoundaryParquet.FileName);
        }

        var summary = new List<(string Key, string Value)>
        {
            ("sweep", plan.Name),
            ("cells", map.Rows.ToString(CultureInfo.InvariantCulture) + (plan.Refinement is null ? "" : $" ({plan.Cells.Count.ToString(CultureInfo.InvariantCulture)} coarse)")),
            ("failed cells", failed.ToString(CultureInfo.InvariantCulture)),
            ("axes", string.Join(" × ", plan.Axes.Select(a => $"{a.Parameter} ({a.Values.Count})"))),
        };
        if (plan.Refinement is { } refined && boundary is not null)
        {
            summary.Add(("refinement", refined.Settings.Describe(plan.Cells.Count)));
            summary.Add(("boundary points", $"{boundary.Count.ToString(CultureInfo.InvariantCulture)} ({boundary.Count(p => p.Significant).ToString(CultureInfo.InvariantCulture)} significant)"));
        }

        if (TheoryAssumptionNote(map) is { } note)
        {
            summary.Add(("theory assumption", note));
        }

        summary.Add(("data", string.Join(", ", files)));
        summary.AddRange(metadata.Select(kv => (kv.Key, kv.Value)));
        var report = PhaseMapReport.Build(plan, map, summary, figures, boundary);
        AtomicFile.WriteAllText(Path.Combine(plan.OutputFolder, ReportFile), InteractiveReport.Render(report));
        return path;
    }

    /// <summary>
    /// Says, in the report's header, how many cells carry theory computed under an assumption their simulation does not
    /// share (<c>theory_assumption_unmet</c> = 1: the Gaussian DMFT assumes the adiabatic reset gate, τ_r → 0, and the
    /// network integrates r with τ_r &gt; 0); null when none does.
    /// </summary>
    internal static string? TheoryAssumptionNote(PhaseMap map)
    {
        if (map.Find(AssumptionUnmetColumn) is not { } column)
        {
            return null;
        }

        var unmet = Enumerable.Range(0, map.Rows).Count(row => column.NumberAt(row) is > 0);
        return unmet == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{unmet} of {map.Rows} cells: the Gaussian DMFT columns (theory_g_c, theory_delta0, theory_lyapunov_max) assume the adiabatic reset gate τ_r → 0, but these networks integrate r with τ_r > 0 — an approximation there (set \"tauR\": 0 to simulate the limit; see {AssumptionUnmetColumn})");
    }

    private const string AssumptionUnmetColumn = "theory_assumption_unmet";
}
