using OrleansSweep.Reports.Interactive;

namespace OrleansSweep.Reports.Tests.Interactive;

/// <summary>Report data for the tests: a two-axis map, a one-axis sweep and a single cell, with failed cells.</summary>
internal static class SampleReports
{
    public static readonly (string Key, string Value)[] Summary = [("sweep", "sample"), ("data", "phase_map.parquet"), ("orleanssweep.kernels", "managed")];

    /// <summary>g_h (6, log) × α_r (4): λ_max = ln(g_h) − α_r/10 changes sign; two cells failed, one theory line.</summary>
    public static SweepReportData TwoAxes()
    {
        var x = new Axis("gH", "g_h", null, [0.5, 0.8, 1.2, 2, 3, 5], Logarithmic: true);
        var y = new Axis("alphaR", "α_r", null, [0, 2, 4, 8]);
        var cells = new List<ReportCell>();
        var lambda = new List<double?>();
        var sem = new List<double?>();
        var theory = new List<double?>();
        foreach (var g in x.Values)
        {
            foreach (var a in y.Values)
            {
                var i = cells.Count;
                var failed = i is 5 or 13;
                cells.Add(new ReportCell($"cell{i:D2}", failed ? "failed" : "ok", failed ? "Lyapunov <loop> diverged: λ = ∞ & more" : null, [g, a], FormattableString.Invariant($"gH = {g}, alphaR = {a}")));
                lambda.Add(failed ? null : Math.Log(g) - (a / 10));
                sem.Add(failed ? null : 0.01);
                theory.Add(Math.Log(g) - (a / 12));
            }
        }

        var lyapunov = new ReportMetric("lyapunov_max", "λ_max (measured)", lambda, sem, theory, true);
        var radius = new ReportMetric("spectral_radius", "spectral radius", lambda.Select(v => v is { } d ? Math.Exp(d) : (double?)null).ToList(), null, null, false);
        var line = new OverlayLine("g_c: chaos onset (DMFT)", y.Values.Select(a => (Math.Exp(a / 12), a)).ToList());
        return new SweepReportData("OrleansSweep — two axes", Summary, [x, y], null, cells, [lyapunov, radius], [line], lyapunov, ["lyapunov_max.svg"]);
    }

    /// <summary>g (12 points): λ_max = ln g with SEM, theory beside it, one failed cell.</summary>
    public static SweepReportData OneAxis()
    {
        var x = new Axis("g", "g", null, Enumerable.Range(1, 12).Select(i => 0.25 * i).ToList());
        var cells = x.Values.Select((g, i) => new ReportCell($"c{i}", i == 7 ? "failed" : "ok", i == 7 ? "out of memory" : null, [g], FormattableString.Invariant($"g = {g}"))).ToList();
        var values = x.Values.Select((g, i) => i == 7 ? null : (double?)Math.Log(g)).ToList();
        var metric = new ReportMetric("lyapunov_max", "λ_max (measured)", values, values.Select(v => v is null ? null : (double?)0.02).ToList(), x.Values.Select(g => (double?)Math.Log(g)).ToList(), true);
        return new SweepReportData("OrleansSweep — one axis", Summary, [x], null, cells, [metric], [], metric, []);
    }

    /// <summary>One cell: a table, never a chart.</summary>
    public static SweepReportData OneCell()
    {
        var metric = new ReportMetric("lyapunov_max", "λ_max (measured)", [0.0123], [0.0004], [0.0119], true);
        var xi = new ReportMetric("theory_xi", "theory xi", [15.79], null, null, false);
        return new SweepReportData("OrleansSweep — one cell", Summary, [new Axis("g", "g", null, [1.5])], null,
            [new ReportCell("only-cell", "ok", null, [1.5], "g = 1.5")], [metric, xi], [], metric, []);
    }

    /// <summary>Hover texts the page data must hold: one per placed cell and trace that carries text.</summary>
    public static int ExpectedHoverTexts(SweepReportData data)
    {
        var placed = data.Cells.Count(c => c.Coordinates is not null);
        var failed = data.Cells.Count(c => c.Coordinates is not null && c.Status == "failed");
        return data.Metrics.Sum(m => data.Axes.Count == 2 ? placed + failed : placed * (m.Theory is null ? 1 : 2) + failed);
    }
}
