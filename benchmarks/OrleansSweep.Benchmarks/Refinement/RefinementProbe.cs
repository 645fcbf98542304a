using System.Globalization;
using OrleansSweep.Benchmarks.Engine;
using OrleansSweep.Science;
using OrleansSweep.Science.Theory.Dmft;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Benchmarks.Refinement;

/// <summary>
/// Issue 16's measurement on the gated RNN (science.md §E S1: α_z = 0, b_z = 0, b_r = 0, axes g_h ∈ [0.5, 6] and
/// α_r ∈ [0, 20]): the λ_max = 0 boundary found by refining a coarse 8 × 6 grid to depth D, against the uniform grid at
/// the finest spacing ((8 − 1)·2^D + 1) × ((6 − 1)·2^D + 1). Both run on the embedded silo, each in a fresh store; the
/// uniform grid runs as a refinement of depth 0, so both boundaries come from the same interpolation
/// (<see cref="RefinementPlan.Boundary"/>).
/// </summary>
internal static class RefinementProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = ProbeArguments.Parse(args, ("n", 60), ("depth", 4), ("realizations", 2), ("steps", 3000), ("rows", 0), ("keep", 0), ("shared", 0));
        var (n, depth, realizations, steps) = (settings["n"], settings["depth"], settings["realizations"], settings["steps"]);
        var disorder = settings["shared"] != 0 ? "shared" : "per-cell";
        Console.WriteLine($"refinement probe: gated N = {n}, {realizations} realisations, {steps} steps per run, {disorder} disorder, coarse 8 × 6 to depth {depth}; load {LoadAverage.Now()}");

        var refined = SpecLoader.Parse(S1Spec("s1-refined", n, realizations, steps, gSteps: 8, aSteps: 6, depth, disorder), "refined");
        var fineG = (7 << depth) + 1;
        var fineA = (5 << depth) + 1;
        var uniform = SpecLoader.Parse(S1Spec("s1-uniform", n, realizations, steps, fineG, fineA, depth: 0, disorder), "uniform");

        // Warm-up (JIT, SQLite, Orleans): a 2 × 2 grid at depth 0, not measured.
        await RefinedRun.RunAsync(SpecLoader.Parse(S1Spec("s1-warmup", 8, 1, 100, 2, 2, depth: 0), "warm-up"), keptStore: null, CancellationToken.None);
        var kept = settings["keep"] != 0 ? Path.Combine("benchmarks", "artifacts", "refinement", $"n{n}-r{realizations}-s{steps}-d{depth}" + (settings["shared"] != 0 ? "-shared" : "")) : null;
        var refinedRun = await RefinedRun.RunAsync(refined, kept is null ? null : Path.Combine(kept, "refined"), CancellationToken.None);
        Console.WriteLine($"  refined: {refinedRun.Results.Count} cells, {refinedRun.Timing}; load {LoadAverage.Now()}");
        var uniformRun = await RefinedRun.RunAsync(uniform, kept is null ? null : Path.Combine(kept, "uniform"), CancellationToken.None);
        Console.WriteLine($"  uniform: {uniformRun.Results.Count} cells ({fineG} × {fineA}), {uniformRun.Timing}; load {LoadAverage.Now()}");

        var (cellG, cellA) = (5.5 / (fineG - 1), 20.0 / (fineA - 1));
        Console.WriteLine($"  cells: {refinedRun.Results.Count} refined / {uniformRun.Results.Count} uniform = {100.0 * refinedRun.Results.Count / uniformRun.Results.Count:F1} %");
        if (!refinedRun.Resumed && !uniformRun.Resumed)
        {
            Console.WriteLine($"  wall:  {refinedRun.Wall.TotalSeconds:F1} s refined / {uniformRun.Wall.TotalSeconds:F1} s uniform = {refinedRun.Wall / uniformRun.Wall:F3}");
            Console.WriteLine($"  CPU:   {refinedRun.Cpu.TotalSeconds:F1} s refined / {uniformRun.Cpu.TotalSeconds:F1} s uniform = {refinedRun.Cpu / uniformRun.Cpu:F3}");
        }

        foreach (var significantOnly in new[] { false, true })
        {
            foreach (var comparison in BoundaryComparison.CompareByBand(refinedRun, uniformRun, cellG, cellA, OnsetAt, significantOnly, [null, .. AlphaBands]))
            {
                Console.WriteLine(comparison.Describe());
            }
        }
        Console.WriteLine(NoiseBreakdown.Describe(uniformRun, Windows, realizations, band: 0.05));
        if (settings["rows"] > 0)
        {
            PrintRows(uniformRun, settings["rows"]);
        }
        return 0;
    }

    /// <summary>Time windows per Lyapunov run: their spread gives the finite-time part of the noise (<see cref="NoiseBreakdown"/>).</summary>
    private const int Windows = 6;

    /// <summary>Quarters of the α_r axis: the boundary's character changes along it (near α_r = 0 λ_max leaves 0 slowly).</summary>
    private static readonly (double From, double To)?[] AlphaBands = [(0, 5), (5, 10), (10, 15), (15, double.PositiveInfinity)];

    /// <summary>
    /// The Gaussian DMFT chaos onset g_c(α_r) at b_r = 0, the theory the phase map's <c>theory_g_c</c> column holds,
    /// solved here once per α_r: computed in every cell it would cost more than the cells (≈ 0.5 s each, measured).
    /// </summary>
    private static readonly Dictionary<double, double> Onsets = [];

    private static double OnsetAt(double alphaR)
    {
        if (!Onsets.TryGetValue(alphaR, out var gc))
        {
            var onset = ChaosOnset.Find(alphaR, bR: 0);
            gc = onset.Outcome.Status == AnalysisStatus.Converged ? onset.GC : double.NaN;
            Onsets[alphaR] = gc;
        }

        return gc;
    }

    /// <summary>λ_max ± SEM along g_h on a few α_r rows of the uniform grid, beside g_c: what the boundary is made of.</summary>
    private static void PrintRows(RefinedRun run, int rows)
    {
        var cells = run.Results
            .Select(r => (cell: run.Plan.CellAt(r.CellIndex).Cell, l: r.Metrics.GetValueOrDefault("lyapunov_max"), s: r.Metrics.GetValueOrDefault("lyapunov_max_sem")))
            .ToList();
        var alphas = cells.Select(c => c.cell.AxisValues["alphaR"]).Distinct().Order().ToList();
        foreach (var alpha in alphas.Where((_, i) => i % Math.Max(1, alphas.Count / rows) == 0))
        {
            var row = cells.Where(c => c.cell.AxisValues["alphaR"] == alpha).OrderBy(c => c.cell.AxisValues["gH"]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  α_r = {alpha:F2} (g_c = {OnsetAt(alpha):F2}): ")
                + string.Join(" ", row.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.cell.AxisValues["gH"]:F2}:{c.l:F3}±{c.s:F3}"))));
        }
    }

    private static string S1Spec(string name, int n, int realizations, int steps, int gSteps, int aSteps, int depth, string disorder = "per-cell")
    {
        const double Dt = 0.1;
        var transient = steps / 4 * Dt;
        var averaging = steps * 3 / 4 * Dt;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "{{name}}", "model": "gated", "n": {{n}}, "realizations": {{realizations}}, "seed": 16, "disorder": "{{disorder}}",
              "parameters": { "alphaZ": 0, "bZ": 0, "bR": 0, "dt": {{Dt}}, "integrator": "euler", "tauR": 0 },
              "grid": { "gH": { "from": 0.5, "to": 6, "steps": {{gSteps}} }, "alphaR": { "from": 0, "to": 20, "steps": {{aSteps}} } },
              "analyses": { "lyapunov": { "exponents": 1, "transientTime": {{transient}}, "averagingTime": {{averaging}}, "windows": {{Windows}}, "twinCheck": false } },
              "refine": { "metric": "lyapunov_max", "level": 0, "depth": {{depth}} }
            }
            """);
    }
}
