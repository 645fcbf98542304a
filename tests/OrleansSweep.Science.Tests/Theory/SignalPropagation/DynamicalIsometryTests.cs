using MathNet.Numerics.LinearAlgebra;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Tests.Theory.SignalPropagation;

public class DynamicalIsometryTests
{
    [Fact]
    public void At_criticality_variance_grows_linearly_with_the_ensemble_offset()
    {
        // §B.7: at χ_1 = 1 the variance is T(μ_2/μ_1² − 1) (orthogonal) and T·μ_2/μ_1² (Gaussian).
        var critical = CriticalLine.VanillaSigmaW2(0.01).Value;
        var p = new CpsParameters(critical, SigmaB2: 0.01);
        foreach (var steps in new[] { 1, 10, 100 })
        {
            var orthogonal = DynamicalIsometry.Vanilla(p, steps, WeightEnsemble.Orthogonal);
            var gaussian = DynamicalIsometry.Vanilla(p, steps, WeightEnsemble.Gaussian);
            var ratio = orthogonal.Mu2 / (orthogonal.Mu1 * orthogonal.Mu1);
            Assert.Equal(1, orthogonal.Mean, 8);
            Assert.Equal(steps * (ratio - 1), orthogonal.Variance, 6);
            Assert.Equal(steps * ratio, gaussian.Variance, 6);
        }
    }

    [Fact]
    public void Moments_are_those_of_the_squared_derivative_at_q_star()
    {
        var p = new CpsParameters(1.8, SigmaB2: 0.1, MuB: 0.2);
        var prediction = DynamicalIsometry.Vanilla(p, 1, WeightEnsemble.Gaussian);
        var q = VanillaMeanField.QStar(p);
        var fine = StandardNormalRule.WithStep(0.002);
        Assert.Equal(GaussianExpectation.Of(x => Math.Pow(Math.Cosh(x), -4), 0.2, q, fine), prediction.Mu1, 11);
        Assert.Equal(GaussianExpectation.Of(x => Math.Pow(Math.Cosh(x), -8), 0.2, q, fine), prediction.Mu2, 11);
        Assert.Equal(p.SigmaW2 * prediction.Mu1, prediction.Chi1, 14);
    }

    [Fact]
    public void Isometry_needs_orthogonal_weights_and_small_q_star()
    {
        // §B.7: orthogonal W, σ_w → 1⁺ and q* → 0. Over T = 100 critical steps:
        var variances = new[] { 1e-4, 0.01, 0.5 }
            .Select(s => DynamicalIsometry.Vanilla(new CpsParameters(CriticalLine.VanillaSigmaW2(s).Value, SigmaB2: s), 100, WeightEnsemble.Orthogonal).Variance)
            .ToArray();
        var gaussian = DynamicalIsometry.Vanilla(new CpsParameters(CriticalLine.VanillaSigmaW2(1e-4).Value, SigmaB2: 1e-4), 100, WeightEnsemble.Gaussian);
        Assert.True(variances[0] < variances[1] && variances[1] < variances[2]);
        Assert.True(variances[2] > 50 * variances[0]);
        Assert.True(gaussian.Variance > 50 * variances[0], "Gaussian weights add T to the variance whatever q*");
    }

    [Theory]
    [InlineData(WeightEnsemble.Gaussian, 11UL)]
    [InlineData(WeightEnsemble.Orthogonal, 12UL)]
    [InlineData(WeightEnsemble.Gaussian, 13UL)]
    public void Free_probability_combination_matches_sampled_untied_products(WeightEnsemble ensemble, ulong seed)
    {
        // J_T = Π D_t W_t with D_t = diag(sech²(e)), e ~ N(0, q*) i.i.d. (untied weights). The prediction is combined
        // from the sampled diagonals' own moments, so it tests the free-probability law, not the d-sampling noise.
        const int n = 300;
        const int steps = 3;
        var p = new CpsParameters(1.8, SigmaB2: 0.1);
        var q = VanillaMeanField.QStar(p);
        var stream = new RandomStream(seed);
        var product = Matrix<double>.Build.DenseIdentity(n);
        var moments = new List<(double M1, double M2)>();
        for (var t = 0; t < steps; t++)
        {
            var w = SampleWeights(n, Math.Sqrt(p.SigmaW2), ensemble, stream);
            double m1 = 0, m2 = 0;
            for (var i = 0; i < n; i++)
            {
                var slope = Math.Pow(Math.Cosh(Math.Sqrt(q) * stream.NextGaussian()), -2);
                m1 += slope * slope / n;
                m2 += Math.Pow(slope, 4) / n;
                w.SetRow(i, w.Row(i) * slope);
            }

            moments.Add((m1, m2));
            product = w * product;
        }

        var (mean, variance) = DynamicalIsometry.Combine(moments, p.SigmaW2, ensemble);
        var gram = product * product.Transpose();
        var sampledMean = gram.Trace() / n;
        var sampledSecond = gram.PointwiseMultiply(gram).Enumerate().Sum() / n;
        Assert.Equal(mean, sampledMean, 0.03 * mean);
        Assert.Equal(variance, sampledSecond - sampledMean * sampledMean, 0.12 * variance);
    }

    private static Matrix<double> SampleWeights(int n, double sigmaW, WeightEnsemble ensemble, RandomStream stream)
    {
        var entries = new double[n * n];
        stream.FillGaussian(entries, 1 / Math.Sqrt(n));
        var g = Matrix<double>.Build.Dense(n, n, entries);
        if (ensemble == WeightEnsemble.Gaussian)
        {
            return g * sigmaW;
        }

        // Haar orthogonal: Q of a Gaussian matrix with the signs of R's diagonal absorbed.
        var qr = g.QR();
        var q = qr.Q;
        for (var j = 0; j < n; j++)
        {
            if (qr.R[j, j] < 0)
            {
                q.SetColumn(j, -q.Column(j));
            }
        }

        return q * sigmaW;
    }
}
