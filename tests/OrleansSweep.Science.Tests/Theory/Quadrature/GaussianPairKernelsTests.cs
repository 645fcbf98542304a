using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Tests.Theory.Quadrature;

public class GaussianPairKernelsTests
{
    private static double Logistic(double y) => 1 / (1 + Math.Exp(-y));

    private static double Sech2(double x) => 1 / (Math.Cosh(x) * Math.Cosh(x));

    [Theory]
    [InlineData(0.0, 1.0, 0.3)]
    [InlineData(0.8, 2.5, -1.2)]
    [InlineData(-1.0, 0.2, 0.2)]
    [InlineData(0.0, 30.0, 29.0)]
    public void Tanh_moments_match_the_generic_quadrature(double mean, double variance, double covariance)
    {
        var fast = GaussianPairKernels.Tanh(mean, variance, covariance);
        Assert.Equal(GaussianExpectation.Of(Math.Tanh, mean, variance), fast.Mean, 11);
        Assert.Equal(GaussianExpectation.OfPair(Math.Tanh, Math.Tanh, mean, variance, covariance), fast.Product, 11);
        Assert.Equal(GaussianExpectation.OfPair(Sech2, Sech2, mean, variance, covariance), fast.SlopeProduct, 11);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.5)]
    [InlineData(-2.0, 100.0, 60.0)]
    [InlineData(3.0, 4.0, -3.0)]
    public void Logistic_moments_match_the_generic_quadrature(double mean, double variance, double covariance)
    {
        double Slope(double y) => Logistic(y) * (1 - Logistic(y));
        var fast = GaussianPairKernels.Logistic(mean, variance, covariance);
        Assert.Equal(GaussianExpectation.Of(Logistic, mean, variance, 0.5), fast.Mean, 11);
        Assert.Equal(GaussianExpectation.OfPair(Logistic, Logistic, mean, variance, covariance, 0.5), fast.Product, 11);
        Assert.Equal(GaussianExpectation.OfPair(Slope, Slope, mean, variance, covariance, 0.5), fast.SlopeProduct, 11);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(12.0)]
    public void Derivative_in_the_covariance_is_the_slope_product(double variance)
    {
        // Price's theorem, dE[f(x1)f(x2)]/dc = E[f'(x1)f'(x2)]: the identity behind K = dν/dΔ (§B.4) and χ (§B.7).
        foreach (var c in new[] { 0.1 * variance, 0.5 * variance, 0.9 * variance })
        {
            var h = 1e-4 * variance;
            var tanh = (GaussianPairKernels.Tanh(0.3, variance, c + h).Product - GaussianPairKernels.Tanh(0.3, variance, c - h).Product) / (2 * h);
            Assert.Equal(GaussianPairKernels.Tanh(0.3, variance, c).SlopeProduct, tanh, 7);
            var logistic = (GaussianPairKernels.Logistic(-1, variance, c + h).Product - GaussianPairKernels.Logistic(-1, variance, c - h).Product) / (2 * h);
            Assert.Equal(GaussianPairKernels.Logistic(-1, variance, c).SlopeProduct, logistic, 7);
        }
    }

    [Fact]
    public void Limits_of_the_covariance_give_marginal_moments()
    {
        var full = GaussianPairKernels.Tanh(0.4, 1.7, 1.7);
        var none = GaussianPairKernels.Tanh(0.4, 1.7, 0);
        Assert.Equal(GaussianExpectation.Of(x => Math.Tanh(x) * Math.Tanh(x), 0.4, 1.7), full.Product, 12);
        Assert.Equal(none.Mean * none.Mean, none.Product, 12);
        Assert.Equal(1, GaussianPairKernels.Tanh(0, 0, 0).SlopeProduct, 14);
    }

    [Fact]
    public void Tightening_the_tolerance_does_not_move_steep_gate_moments()
    {
        // q* ≈ 400 (§B.3 "Numerical care"): an 80-node Gauss–Hermite rule was wrong by ~5×; the slope-adapted rule is converged.
        var standard = GaussianPairKernels.Logistic(2, 400, 300);
        var tight = GaussianPairKernels.Logistic(2, 400, 300, tolerance: 1e-15);
        Assert.Equal(tight.Product, standard.Product, 11);
        Assert.Equal(tight.SlopeProduct, standard.SlopeProduct, 11);
    }
}
