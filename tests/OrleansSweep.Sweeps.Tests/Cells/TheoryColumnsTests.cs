using OrleansSweep.Science;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Theory;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Cells;

/// <summary>The rule by which theory values reach the map: a value only when converged, a status always.</summary>
public class TheoryColumnsTests
{
    [Fact]
    public void A_value_that_did_not_converge_is_null_with_its_reason()
    {
        var (metrics, statuses) = Record(new TheoryValue("delta0_sampled", 0.123, AnalysisOutcome.NotConverged("residual 2e-4 after 40 iterations")));
        Assert.Null(metrics["theory_delta0_sampled"]);
        Assert.Equal("not converged: residual 2e-4 after 40 iterations", statuses["theory_delta0_sampled_status"]);
    }

    [Fact]
    public void A_converged_value_is_kept_with_its_note()
    {
        var (metrics, statuses) = Record(
            new TheoryValue("g_c", 2.74, AnalysisOutcome.Converged, "Gaussian DMFT with τ_r → 0"),
            new TheoryValue("xi", double.PositiveInfinity, AnalysisOutcome.Converged),
            new TheoryValue("g_fp", null, AnalysisOutcome.NotApplicable("β_h ≠ 0")));
        Assert.Equal(2.74, metrics["theory_g_c"]);
        Assert.Equal("converged; Gaussian DMFT with τ_r → 0", statuses["theory_g_c_status"]);
        Assert.Equal(double.PositiveInfinity, metrics["theory_xi"]);
        Assert.Equal("converged", statuses["theory_xi_status"]);
        Assert.Null(metrics["theory_g_fp"]);
        Assert.Equal("not applicable: β_h ≠ 0", statuses["theory_g_fp_status"]);
    }

    [Fact]
    public void A_saddle_node_jump_reaches_the_cell_as_no_critical_point()
    {
        // minimalRNN μ_b = 6: the "root" of χ − 1 is a jump of the mean-field branch (science.md §B.7), not a crossing.
        const string spec = """
            { "name": "jump", "model": "minimal", "n": 10, "realizations": 1, "seed": 1,
              "parameters": { "muB": 6 }, "grid": { "sigmaW2": { "values": [45] } }, "analyses": { "theory": true } }
            """;
        var result = new CellAnalyzer(DenseKernels.Default).Analyze(Guid.Empty, new SweepGrid(Parse(spec)).CellAt(0), "test", default);
        Assert.Null(result.Metrics["theory_critical_sigma_w2"]);
        Assert.StartsWith("not applicable: saddle-node jump", result.Statuses["theory_critical_sigma_w2_status"], StringComparison.Ordinal);
        Assert.InRange(result.Metrics["theory_saddle_node_sigma_w2"]!.Value, 45, 60);
        Assert.Equal(2.0, result.Metrics["theory_stable_branches"]);
        Assert.Contains("2 stable fixed points", result.Statuses["theory_q_star_status"], StringComparison.Ordinal);
    }

    private static (Dictionary<string, double?> Metrics, Dictionary<string, string> Statuses) Record(params TheoryValue[] values)
    {
        var metrics = new Dictionary<string, double?>();
        var statuses = new Dictionary<string, string>();
        TheoryColumns.Record(new TheoryValues(values), metrics, statuses);
        return (metrics, statuses);
    }
}
