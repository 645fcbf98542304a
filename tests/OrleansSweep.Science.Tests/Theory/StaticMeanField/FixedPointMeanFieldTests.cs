using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Tests.Theory.StaticMeanField;

public class FixedPointMeanFieldTests
{
    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Reproduces_case_12()
    {
        // §D case 12 (b_r = 0): α_r = 2 → g_FP = 2.000 (continuous); α_r = 5 → 1.917 (discontinuous), ±0.01.
        var soft = FixedPointMeanField.Onset(2, 0);
        var steep = FixedPointMeanField.Onset(5, 0);
        Assert.True(soft.IsContinuous);
        Assert.Equal(2.000, soft.GFp, 0.01);
        Assert.False(steep.IsContinuous);
        Assert.Equal(1.917, steep.GFp, 0.01);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(-0.7)]
    public void Transition_is_continuous_exactly_below_the_tricritical_gain(double bR)
    {
        // §B.5: continuous iff α_r²(1−s)(2−3s) < 2 (b_r = 0: 2√2; b_r = −2: ≈ 1.18).
        var star = FixedPointMeanField.TricriticalAlphaR(bR);
        Assert.True(FixedPointMeanField.Onset(0.95 * star, bR).IsContinuous);
        Assert.False(FixedPointMeanField.Onset(1.05 * star, bR).IsContinuous);
    }

    [Fact]
    public void Tricritical_gain_has_the_brief_values()
    {
        Assert.Equal(2 * Math.Sqrt(2), FixedPointMeanField.TricriticalAlphaR(0), 12);
        Assert.Equal(1.18, FixedPointMeanField.TricriticalAlphaR(-2), 0.01);
        // s ≥ 2/3: always continuous.
        Assert.Equal(double.PositiveInfinity, FixedPointMeanField.TricriticalAlphaR(1));
        Assert.True(FixedPointMeanField.Onset(20, 1).IsContinuous);
    }

    [Fact]
    public void Fixed_points_never_appear_after_the_zero_fixed_point_line()
    {
        foreach (var bR in new[] { -3.0, -1.0, 0.0, 1.5 })
        {
            var previous = double.PositiveInfinity;
            foreach (var alphaR in new[] { 0.0, 2.0, 5.0, 10.0, 20.0 })
            {
                var onset = FixedPointMeanField.Onset(alphaR, bR);
                Assert.True(onset.GFp <= onset.ZeroFpLine + 1e-12);
                Assert.True(onset.GFp <= previous + 1e-9, "a steeper gate cannot delay the fixed points");
                previous = onset.GFp;
            }
        }
    }

    [Theory]
    [InlineData(2.3, 5.0, 0.0)]
    [InlineData(3.0, 10.0, -2.0)]
    [InlineData(2.5, 1.0, 0.0)]
    public void Solutions_satisfy_both_static_equations(double gH, double alphaR, double bR)
    {
        // Δ_h = ⟨σ_r²⟩_{r~N(0,Δ_φ)} Δ_φ and Δ_φ = ⟨φ(h)²⟩_{h~N(0,Δ_h)}, checked with the generic fine rule.
        var solution = FixedPointMeanField.Solve(gH, alphaR, bR);
        Assert.True(solution.Exists);
        var fine = StandardNormalRule.WithStep(0.002);
        var deltaPhi = GaussianExpectation.Of(h => Math.Pow(Math.Tanh(gH * h), 2), 0, solution.DeltaH, fine);
        var gate2 = GaussianExpectation.Of(r => Math.Pow(Logistic(alphaR * r + bR), 2), 0, deltaPhi, fine);
        Assert.Equal(deltaPhi, solution.DeltaPhi, 11);
        Assert.Equal(solution.DeltaH, gate2 * deltaPhi, 11);
    }

    [Fact]
    public void Gru_form_of_the_equations_is_solved_with_the_reset_gain()
    {
        // §B.6: Var a = g_h²⟨r²⟩q_h, q_h = ⟨tanh² a⟩, reset pre-activation ~ N(b_r, g_r² q_h).
        const double gH = 2.2, gR = 6, bR = 0;
        var solution = FixedPointMeanField.Solve(gH, gR, bR);
        var qh = solution.DeltaPhi;
        var fine = StandardNormalRule.WithStep(0.002);
        var reset2 = GaussianExpectation.Of(x => Math.Pow(Logistic(x), 2), bR, gR * gR * qh, fine);
        Assert.Equal(solution.PreActivationVariance, gH * gH * reset2 * qh, 10);
    }

    [Fact]
    public void Non_zero_solutions_exist_exactly_above_g_fp()
    {
        var onset = FixedPointMeanField.Onset(5, 0);
        Assert.False(FixedPointMeanField.Solve(onset.GFp - 0.01, 5, 0).Exists);
        var above = FixedPointMeanField.Solve(onset.GFp + 0.01, 5, 0);
        Assert.True(above.Exists);
        Assert.True(above.PreActivationVariance >= onset.PreActivationVariance, "the stable branch lies above the saddle-node");
    }
}
