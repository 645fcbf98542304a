using MathNet.Numerics.LinearAlgebra;
using OrleansSweep.Science.Randomness;
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
    public void Isometry_needs_orthogonal_weights_and_small_q_star()
    {
        var nearIsometric = DynamicalIsometry.Vanilla(new CpsParameters(CriticalLine.VanillaSigmaW2(1e-4).Value, SigmaB2: 1e-4), 100, WeightEnsemble.Orthogonal);
        var largeQ = DynamicalIsometry.Vanilla(new CpsParameters(CriticalLine.VanillaSigmaW2(0.5).Value, SigmaB2: 0.5), 100, WeightEnsemble.Orthogonal);
        var gaussian = DynamicalIsometry.Vanilla(new CpsParameters(CriticalLine.VanillaSigmaW2(1e-4).Value, SigmaB2: 1e-4), 100, WeightEnsemble.Gaussian);
        Assert.True(nearIsometric.Variance < 0.2);
        Assert.True(largeQ.Variance > 10 * nearIsometric.Variance);
        Assert.True(gaussian.Variance > 90);
    }

    [Theory]
    [InlineData(WeightEnsemble.Gaussian, 11UL)]
    [InlineData(WeightEnsemble.Orthogonal, 12UL)]
    public void Matches_the_spectrum_of_sampled_untied_products(WeightEnsemble ensemble, ulong seed)
    {
        // Free-probability moments against J_T = Π D_t W_t with D_t = diag(sech²(e)), e ~ N(0, q*) i.i.d. (untied).
        const int n = 300;
        const int steps = 3;
        var p = new CpsParameters(1.8, SigmaB2: 0.1);
        var prediction = DynamicalIsometry.Vanilla(p, steps, ensemble);
        var q = VanillaMeanField.QStar(p);
        var stream = new RandomStream(seed);
        var product = Matrix<double>.Build.DenseIdentity(n);
        for (var t = 0; t < steps; t++)
        {
            var w = SampleWeights(n, Math.Sqrt(p.SigmaW2), ensemble, stream);
            for (var i = 0; i < n; i++)
            {
                var slope = Math.Pow(Math.Cosh(Math.Sqrt(q) * stream.NextGaussian()), -2);
                w.SetRow(i, w.Row(i) * slope);
            }

            product = w * product;
        }

        var gram = product * product.Transpose();
        var mean = gram.Trace() / n;
        var secondMoment = gram.PointwiseMultiply(gram).Enumerate().Sum() / n;
        Assert.Equal(prediction.Mean, mean, 0.05 * prediction.Mean);
        Assert.Equal(prediction.Variance, secondMoment - mean * mean, 0.15 * prediction.Variance);
    }

    private static Matrix<double> SampleWeights(int n, double sigmaW, WeightEnsemble ensemble, RandomStream stream)
    {
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => stream.NextGaussian() / Math.Sqrt(n));
        if (ensemble == WeightEnsemble.Gaussian)
        {
            return g * sigmaW;
        }

        // Haar orthogonal: Q of a Gaussian matrix with the signs of R's diagonal absorbed.
        var qr = (g * Math.Sqrt(n)).QR();
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
