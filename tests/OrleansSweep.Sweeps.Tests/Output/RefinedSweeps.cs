using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Sweeps.Tests.Refinement;

namespace OrleansSweep.Sweeps.Tests.Output;

/// <summary>
/// Refined sweeps run to completion the way the sweep grain runs them (rounds of <see cref="RefinementPlan.NextCells"/>),
/// every cell "computed" by an analytic field, as the <see cref="CellAnalyzed"/> results the output side receives.
/// </summary>
internal static class RefinedSweeps
{
    /// <summary>The SEM every cell reports for λ_max: small beside the field's slope × finest cell, so refinement reaches the depth.</summary>
    public const double Sem = 0.01;

    /// <summary>
    /// A circle of radius 0.6 in (bZ, bR) ∈ [−1, 1]², 5 × 5 coarse, refined to <paramref name="depth"/>: λ_max = r − 0.6.
    /// Coarse cell 0 (the corner, far from the circle) fails.
    /// </summary>
    public static (SweepPlan Plan, List<CellAnalyzed> Results) Circle(string folder, int depth = 3) =>
        Run(RefineHarness.Square(-1, 1, 5, depth), folder, values => Math.Sqrt((values["bZ"] * values["bZ"]) + (values["bR"] * values["bR"])) - 0.6, failed: 0);

    /// <summary>One axis bZ ∈ [−1, 1], 5 coarse points, refined to <paramref name="depth"/>: λ_max = bZ − 0.3.</summary>
    public static (SweepPlan Plan, List<CellAnalyzed> Results) Line(string folder, int depth = 4) =>
        Run(RefineHarness.Line(-1, 1, 5, depth), folder, values => values["bZ"] - 0.3, failed: null);

    /// <summary>Every result of a finished refinement of <paramref name="sweep"/>, in the order computed (round by round).</summary>
    public static (SweepPlan Plan, List<CellAnalyzed> Results) Run(ValidatedSweep sweep, string folder, Func<IReadOnlyDictionary<string, double>, double> field, int? failed)
    {
        var plan = SweepPlanner.Plan(sweep, folder);
        var refinement = plan.Refinement!;
        var samples = new List<RefineSample>();
        var results = new List<CellAnalyzed>();
        for (var round = 0; round < RefineHarness.MaxRounds; round++)
        {
            var next = refinement.NextCells(samples);
            if (next.Count == 0)
            {
                return (plan, results);
            }

            foreach (var cell in next)
            {
                var result = Result(plan.SweepId, cell, field(cell.Cell.AxisValues), cell.Cell.Index == failed);
                results.Add(result);
                samples.Add(refinement.SampleOf(result.CellIndex, result.Metrics));
            }
        }

        throw new InvalidOperationException("The refinement did not end.");
    }

    private static CellAnalyzed Result(Guid sweepId, RefinedCell cell, double lambda, bool failed) => new(
        sweepId,
        cell.Cell.CellId,
        cell.Cell.Index,
        failed ? "failed" : "ok",
        failed ? "solver diverged" : null,
        new Dictionary<string, double?>
        {
            ["lyapunov_max"] = failed ? null : lambda,
            ["lyapunov_max_sem"] = failed ? null : Sem,
            ["theory_lyapunov_max"] = lambda + 0.05,
        },
        new Dictionary<string, string>(),
        failed ? new Dictionary<string, double[]>() : new Dictionary<string, double[]> { ["lyapunov_spectrum"] = [lambda, lambda - 1] },
        "test-worker",
        0.1);
}
