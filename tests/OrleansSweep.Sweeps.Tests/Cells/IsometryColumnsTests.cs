using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Sweeps.Cells;
using OrleansSweep.Sweeps.Grid;
using static OrleansSweep.Sweeps.Tests.Specs.SpecSamples;

namespace OrleansSweep.Sweeps.Tests.Cells;

/// <summary>
/// An isometry cell reports the measured columns beside their theory columns (science.md §B.7, case 17: σ_w² = 1.5,
/// σ_b,eff² = 0.05, untied weights). N = 100 and short runs keep it fast, hence ±5 % (q, χ) and ±25 % (J_T mean, T = 5).
/// </summary>
public class IsometryColumnsTests
{
    private const string Spec = """
        { "name": "iso", "model": "vanilla", "n": 100, "realizations": 2, "seed": 2,
          "parameters": { "sigmaW2": 1.5, "sigmaV2": 0.05, "R": 1, "untied": true },
          "grid": { "weights": { "values": ["gaussian", "orthogonal"] } },
          "analyses": { "theory": true, "isometry": { "steps": 5, "transientSteps": 50, "averagingSteps": 200, "samples": 4 } } }
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Measured_columns_sit_beside_the_mean_field(int index)
    {
        var result = new CellAnalyzer(DenseKernels.Default).Analyze(Guid.Empty, new SweepGrid(Parse(Spec)).CellAt(index), "test", default);
        Assert.Equal("ok", result.Status);
        Close(result.Metrics["theory_q_star"], result.Metrics["isometry_q"], 0.05);
        Close(result.Metrics["theory_chi_1"], result.Metrics["isometry_chi"], 0.05);
        Close(result.Metrics["theory_c_star"], result.Metrics["isometry_c"], 0.01);
        Close(result.Metrics["theory_isometry_sv2_mean"], result.Metrics["isometry_sv2_mean"], 0.25);
        Assert.True(result.Metrics["theory_isometry_sv2_variance"] > 0);
        Assert.Equal(5.0, result.Metrics["isometry_steps"]);
        Assert.Null(result.Metrics["isometry_gate_second_moment"]);
        Assert.Equal("converged", result.Statuses["isometry_status"]);
    }

    private static void Close(double? expected, double? measured, double relative)
    {
        Assert.NotNull(expected);
        Assert.NotNull(measured);
        Assert.True(Math.Abs(measured.Value - expected.Value) <= relative * Math.Abs(expected.Value), $"measured {measured}, theory {expected}");
    }
}
