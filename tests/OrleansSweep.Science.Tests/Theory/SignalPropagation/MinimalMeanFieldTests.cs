using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Tests.Theory.SignalPropagation;

public class MinimalMeanFieldTests
{
    private static double Logistic(double y) => 1 / (1 + Math.Exp(-y));

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(14.23, 2.0)]
    [InlineData(40.0, -1.0)]
    [InlineData(400.0, 4.0)]
    public void State_second_moment_is_a_fixed_point_of_the_stationary_map(double sigmaW2, double muB)
    {
        var p = new CpsParameters(sigmaW2, SigmaV2: 1, R: 1, MuB: muB);
        var result = MinimalMeanField.Solve(p);
        Assert.Equal(AnalysisStatus.Converged, result.Outcome.Status);
        var bigQ = result.StateSecondMoment!.Value;
        Assert.Equal(bigQ, MinimalMeanField.StationarySecondMoment(bigQ, p), 11);
        Assert.Equal(p.SigmaW2 * bigQ + 1, result.QStar, 10);
        Assert.InRange(bigQ, 0, p.R);
    }

    [Theory]
    [InlineData(5.0, 2.0)]
    [InlineData(30.0, 0.0)]
    [InlineData(14.234, 2.0)]
    public void Chi_keeps_the_gate_term_and_matches_an_independent_quadrature(double sigmaW2, double muB)
    {
        // χ = ⟨u²⟩ + σ_w²(Q* + R)⟨σ'²⟩ (§B.7): recompute with the generic rule at a fine step.
        var p = new CpsParameters(sigmaW2, SigmaV2: 1, R: 1, MuB: muB);
        var result = MinimalMeanField.Solve(p);
        var fine = StandardNormalRule.WithStep(0.002);
        var u2 = GaussianExpectation.Of(e => Logistic(e) * Logistic(e), muB, result.QStar, fine);
        var slope2 = GaussianExpectation.Of(e => Math.Pow(Logistic(e) * (1 - Logistic(e)), 2), muB, result.QStar, fine);
        Assert.Equal(u2 + sigmaW2 * (result.StateSecondMoment!.Value + 1) * slope2, result.Chi, 10);
        Assert.True(u2 > 0.25, "the ⟨u²⟩ term the third-party script drops is not small (⟨u²⟩ ≥ ⟨u⟩²)");
    }

    [Fact]
    public void The_script_formula_for_Q_star_is_right_only_at_zero_bias_mean()
    {
        // §B.7: R⟨u²⟩/(1−⟨u²⟩) equals Q* = R⟨(1−u)²⟩/(1−⟨u²⟩) only when μ_b = 0 (then u and 1 − u are equidistributed).
        foreach (var (muB, equal) in new[] { (0.0, true), (2.0, false) })
        {
            var p = new CpsParameters(3, SigmaV2: 1, R: 1, MuB: muB);
            var q = MinimalMeanField.Solve(p).QStar;
            var u2 = GaussianExpectation.Of(e => Logistic(e) * Logistic(e), muB, q, 0.5);
            var script = p.R * u2 / (1 - u2);
            var bigQ = MinimalMeanField.Solve(p).StateSecondMoment!.Value;
            Assert.Equal(equal, Math.Abs(script - bigQ) < 1e-9);
        }
    }

    [Fact]
    public void Ordered_phase_has_unit_correlation_and_chaotic_phase_a_stable_one_below()
    {
        var ordered = MinimalMeanField.Solve(new CpsParameters(5, SigmaV2: 1, R: 1, MuB: 2));
        Assert.True(ordered.Chi < 1);
        Assert.Equal(1, ordered.CStar);
        var chaotic = MinimalMeanField.Solve(new CpsParameters(60, SigmaV2: 1, R: 1, MuB: 2));
        Assert.True(chaotic.Chi > 1);
        Assert.InRange(chaotic.CStar, 0, 1 - 1e-6);
        Assert.InRange(chaotic.ChiC, 0, 1);
    }

    [Fact]
    public void Without_inputs_the_state_is_zero_and_chi_is_the_gate_second_moment()
    {
        var result = MinimalMeanField.Solve(new CpsParameters(3, SigmaV2: 1, R: 0, SigmaB2: 0.5, MuB: 1));
        Assert.Equal(0, result.StateSecondMoment);
        Assert.Equal(0.5, result.QStar, 14);
        Assert.Equal(GaussianExpectation.Of(e => Logistic(e) * Logistic(e), 1, 0.5, 0.5), result.Chi, 12);
    }
}
