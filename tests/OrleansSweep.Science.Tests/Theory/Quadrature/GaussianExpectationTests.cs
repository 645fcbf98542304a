using MathNet.Numerics.Distributions;
using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Tests.Theory.Quadrature;

public class GaussianExpectationTests
{
    [Theory]
    [InlineData(0.0, 0.3, 0.7)]
    [InlineData(1.5, 2.0, -0.4)]
    [InlineData(-0.5, 9.0, 0.2)]
    public void Matches_closed_forms_for_exponential_and_cosine(double mean, double variance, double a)
    {
        // E[e^{a y}] = e^{aμ + a²q/2};  E[cos y] = cos μ · e^{−q/2}.
        Assert.Equal(Math.Exp(a * mean + 0.5 * a * a * variance), GaussianExpectation.Of(y => Math.Exp(a * y), mean, variance), 11);
        Assert.Equal(Math.Cos(mean) * Math.Exp(-0.5 * variance), GaussianExpectation.Of(Math.Cos, mean, variance), 12);
    }

    [Theory]
    [InlineData(5.0, 0.3)]
    [InlineData(50.0, -1.0)]
    [InlineData(400.0, 2.0)]
    public void Steep_probit_matches_its_closed_form(double a, double b)
    {
        // E[Φ(a x + b)] = Φ(b/√(1 + a²)) for x ~ N(0,1): a steep sigmoid with an exact answer (§B.3 "Numerical care").
        var expected = Normal.CDF(0, 1, b / Math.Sqrt(1 + a * a));
        // The probit's tanh-equivalent slope is ≈ 0.8 per unit argument, so a per unit of x is conservative.
        var actual = GaussianExpectation.Of(x => Normal.CDF(0, 1, a * x + b), 0, 1, slope: a);
        Assert.Equal(expected, actual, 9);
    }

    [Theory]
    [InlineData(1.0, 0.4)]
    [InlineData(2.0, -1.5)]
    [InlineData(0.5, 0.5)]
    [InlineData(3.0, 0.0)]
    public void Pair_expectations_match_closed_forms(double variance, double covariance)
    {
        // E[cos x1 cos x2] = ½(e^{−(q−c)} + e^{−(q+c)});  E[x1 x2] = c + μ².
        var expected = 0.5 * (Math.Exp(-(variance - covariance)) + Math.Exp(-(variance + covariance)));
        Assert.Equal(expected, GaussianExpectation.OfPair(Math.Cos, Math.Cos, 0, variance, covariance), 12);
        Assert.Equal(covariance + 0.49, GaussianExpectation.OfPair(y => y, y => y, 0.7, variance, covariance), 11);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(20.0, -2.0)]
    public void Halving_the_step_changes_steep_integrals_by_less_than_a_millionth(double alpha, double bias)
    {
        double Logistic(double y) => 1 / (1 + Math.Exp(-(alpha * y + bias)));
        foreach (var variance in new[] { 0.1, 1.0, 400.0 })
        {
            var rule = StandardNormalRule.ForSlope(0.5 * alpha * Math.Sqrt(variance));
            var coarse = GaussianExpectation.Of(y => Logistic(y) * Logistic(y), 0, variance, rule);
            var fine = GaussianExpectation.Of(y => Logistic(y) * Logistic(y), 0, variance, StandardNormalRule.WithStep(0.5 * rule.Step));
            Assert.True(Math.Abs(coarse - fine) < 1e-6, $"q = {variance}: {coarse} vs {fine}");
            Assert.True(Math.Abs(coarse - fine) < 1e-11, $"q = {variance}: the rule should be converged far below 1e-6");
        }
    }

    [Fact]
    public void Rejects_a_covariance_larger_than_the_variance()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianExpectation.OfPair(Math.Cos, Math.Cos, 0, 1, 1.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianExpectation.Of(Math.Cos, 0, -1));
    }
}
