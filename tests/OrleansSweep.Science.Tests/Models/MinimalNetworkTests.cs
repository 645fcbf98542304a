using OrleansSweep.Science.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class MinimalNetworkTests
{
    [Fact]
    public void Orthogonal_weights_satisfy_WtW_equal_sigmaW2_identity()
    {
        var network = (MinimalNetwork)Create(ModelFamily.Minimal, 25, P(("weights", 1), ("sigmaW2", 3.0)));
        VanillaNetworkTests.AssertScaledOrthogonal(network.RecurrentWeights.ToArray(), 25, 3.0);
    }

    [Fact]
    public void Without_input_every_unit_contracts_towards_zero()
    {
        // h_t = u ⊙ h with 0 < u < 1 when x_t = 0 (§A.6), so |h_t,i| < |h_{t−1},i| at every step.
        var network = Create(ModelFamily.Minimal, 30, P(("R", 0.0), ("sigmaW2", 4.0), ("muB", 1.0)));
        var h = RandomState(30, 4, 1.0);
        var next = new double[30];
        for (var t = 0; t < 20; t++)
        {
            network.Evaluate(t, h, next);
            for (var i = 0; i < 30; i++)
            {
                Assert.True(Math.Abs(next[i]) < Math.Abs(h[i]) || h[i] == 0);
            }

            (h, next) = (next, h);
        }
    }

    [Fact]
    public void Step_interpolates_between_state_and_input_with_the_gate()
    {
        const int n = 12;
        const long t = 3;
        var network = (MinimalNetwork)Create(ModelFamily.Minimal, n, P(("muB", 0.5), ("sigmaB2", 0.3)));
        var h = RandomState(n, 2, 1.0);
        var x = new double[n];
        network.CopyInputAt(t, x);
        var e = Multiply(network.RecurrentWeights.ToArray(), h, n, n, 1);
        var v = Multiply(network.InputWeights.ToArray(), x, n, n, 1);
        var result = new double[n];
        network.Evaluate(t, h, result);
        for (var i = 0; i < n; i++)
        {
            var u = 1.0 / (1.0 + Math.Exp(-(e[i] + v[i] + network.Biases[i])));
            Assert.Equal(u * h[i] + (1 - u) * x[i], result[i], 1e-14);
        }
    }
}
