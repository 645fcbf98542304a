using OrleansSweep.Science.Theory.Dmft;
using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Tests.Theory.Dmft;

public class ChaosOnsetTests
{
    [Fact]
    public void Closed_gate_with_steep_gain_decouples_fixed_points_from_chaos()
    {
        // §B.5: in the discontinuous regime (large α_r, b_r ≤ 0) expect g_FP < g_c < 1/σ(b_r).
        var onset = ChaosOnset.Find(10, -2);
        var fixedPoints = FixedPointMeanField.Onset(10, -2);
        Assert.Equal(AnalysisStatus.Converged, onset.Outcome.Status);
        Assert.True(onset.IsDiscontinuous);
        Assert.InRange(onset.GC, fixedPoints.GFp + 0.1, onset.ZeroFpLine - 1);
    }

    [Fact]
    public void Chaos_appears_with_a_finite_jump()
    {
        var onset = ChaosOnset.Find(10, -2);
        var below = GatedGaussianDmft.Solve(onset.GC - 0.02, 10, -2, 0);
        var above = GatedGaussianDmft.Solve(onset.GC + 0.02, 10, -2, 0);
        Assert.False(below.IsChaotic);
        Assert.True(below.LyapunovMax < 0, "the zero fixed point is still stable below g_c");
        Assert.True(above.IsChaotic);
        Assert.True(above.Delta0 > 0.02 && above.LyapunovMax > 0.05, $"finite jump expected: {above}");
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, -1.0)]
    public void Soft_gates_give_a_continuous_transition_at_the_zero_fixed_point_line(double alphaR, double bR)
    {
        var onset = ChaosOnset.Find(alphaR, bR);
        Assert.False(onset.IsDiscontinuous);
        Assert.Equal(onset.ZeroFpLine, onset.GC, 12);
    }
}
