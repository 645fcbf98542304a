using OrleansSweep.Science.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class VanillaNetworkTests
{
    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(17, 1.5)]
    [InlineData(60, 0.8)]
    public void Orthogonal_weights_satisfy_WtW_equal_sigmaW2_identity(int n, double sigmaW2)
    {
        var network = (VanillaNetwork)Create(ModelFamily.Vanilla, n, P(("weights", 1), ("sigmaW2", sigmaW2)));
        AssertScaledOrthogonal(network.RecurrentWeights.ToArray(), n, sigmaW2);
    }

    [Fact]
    public void Untied_orthogonal_weights_are_orthogonal_at_every_step_and_differ_between_steps()
    {
        const int n = 20;
        var network = (VanillaNetwork)Create(ModelFamily.Vanilla, n, P(("weights", 1), ("sigmaW2", 2.0), ("untied", 1)));
        var w3 = new double[n * n];
        var w4 = new double[n * n];
        var again = new double[n * n];
        network.CopyRecurrentWeightsAt(3, w3);
        network.CopyRecurrentWeightsAt(4, w4);
        network.CopyRecurrentWeightsAt(3, again);
        AssertScaledOrthogonal(w3, n, 2.0);
        AssertScaledOrthogonal(w4, n, 2.0);
        Assert.Equal(w3, again);
        Assert.NotEqual(w3, w4);
        Assert.False(network.RecurrentWeights.SequenceEqual(w3));
    }

    [Theory]
    [InlineData(1.5, false)]
    [InlineData(0.4, true)]
    public void Gaussian_weights_have_variance_sigmaW2_over_N(double sigmaW2, bool untied)
    {
        const int n = 200;
        var network = (VanillaNetwork)Create(ModelFamily.Vanilla, n, P(("sigmaW2", sigmaW2), ("untied", untied ? 1 : 0)));
        var w = new double[n * n];
        network.CopyRecurrentWeightsAt(5, w);
        var meanSquare = w.Sum(v => v * v) / w.Length;

        // Var(w²) = 2 (σ_w²/N)² for Gaussian entries, so the standard error of the mean square is √(2/N²)·σ_w²/N.
        var expected = sigmaW2 / n;
        var standardError = Math.Sqrt(2.0 / w.Length) * expected;
        Assert.InRange(meanSquare, expected - 5 * standardError, expected + 5 * standardError);
    }

    [Fact]
    public void Inputs_have_second_moment_R_and_are_regenerated_identically()
    {
        const int n = 200;
        const int steps = 50;
        const double r = 0.7;
        var network = (VanillaNetwork)Create(ModelFamily.Vanilla, n, P(("R", r), ("sigmaV2", 1.0)));
        var x = new double[n];
        double sum = 0, sumSquares = 0;
        for (var t = 0; t < steps; t++)
        {
            network.CopyInputAt(t, x);
            sum += x.Sum();
            sumSquares += x.Sum(v => v * v);
        }

        // Standard errors over n·T = 10⁴ draws: mean √(R/nT) ≈ 0.008, second moment √(2/nT)·R ≈ 0.0099.
        var count = (double)(n * steps);
        Assert.InRange(sum / count, -5 * Math.Sqrt(r / count), 5 * Math.Sqrt(r / count));
        Assert.InRange(sumSquares / count, r - 5 * Math.Sqrt(2 / count) * r, r + 5 * Math.Sqrt(2 / count) * r);

        var first = new double[n];
        var second = new double[n];
        var other = new double[n];
        network.CopyInputAt(12, first);
        network.CopyInputAt(13, other);
        network.CopyInputAt(12, second);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Step_is_tanh_of_the_pre_activation_with_input_and_bias()
    {
        const int n = 9;
        const long t = 4;
        var network = (VanillaNetwork)Create(ModelFamily.Vanilla, n, P(("R", 0.5), ("sigmaV2", 1.0), ("sigmaB2", 0.2), ("muB", 0.1)));
        var h = RandomState(n, 8);
        var x = new double[n];
        network.CopyInputAt(t, x);
        var e = Multiply(network.RecurrentWeights.ToArray(), h, n, n, 1);
        var v = Multiply(network.InputWeights.ToArray(), x, n, n, 1);
        var result = new double[n];
        network.Evaluate(t, h, result);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(Math.Tanh(e[i] + v[i] + network.Biases[i]), result[i], 1e-14);
        }
    }

    /// <summary>WᵀW = σ_w² I to 1e-12 (Haar orthogonal scaled by σ_w).</summary>
    internal static void AssertScaledOrthogonal(double[] w, int n, double sigmaW2)
    {
        var transposed = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                transposed[j * n + i] = w[i * n + j];
            }
        }

        var product = Multiply(transposed, w, n, n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(i == j ? sigmaW2 : 0.0, product[i * n + j], 1e-12);
            }
        }
    }
}
