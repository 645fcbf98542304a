using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class LstmNetworkTests
{
    [Fact]
    public void Step_follows_the_gate_equations()
    {
        const int n = 14;
        var network = (LstmNetwork)Create(ModelFamily.Lstm, n, P(("bF", 1.0), ("bO", -0.5)));
        var state = RandomState(2 * n, 1, 1.0);
        var (f, i, o, g) = (new double[n], new double[n], new double[n], new double[n]);
        network.Gates(state.AsSpan(0, n), state.AsSpan(n), f, i, o, g);
        var next = new double[2 * n];
        network.Evaluate(0, state, next);
        for (var k = 0; k < n; k++)
        {
            var c = f[k] * state[n + k] + i[k] * g[k];
            Assert.Equal(c, next[n + k], 1e-15);
            Assert.Equal(o[k] * Math.Tanh(c), next[k], 1e-15);
        }
    }

    [Fact]
    public void Cell_block_of_the_Jacobian_is_the_forget_gate()
    {
        // §A.4: ∂c_t/∂c_{t−1} = [f] and ∂h_t/∂c_{t−1} = [o (1 − tanh² c_t) f], both diagonal.
        const int n = 12;
        var network = (LstmNetwork)Create(ModelFamily.Lstm, n, P(("bF", 2.0)));
        var state = RandomState(2 * n, 2, 1.0);
        var (f, i, o, g) = (new double[n], new double[n], new double[n], new double[n]);
        network.Gates(state.AsSpan(0, n), state.AsSpan(n), f, i, o, g);
        var jacobian = DenseJacobian(network, 0, state);
        var d = 2 * n;
        for (var r = 0; r < n; r++)
        {
            var c = f[r] * state[n + r] + i[r] * g[r];
            var tanhC = Math.Tanh(c);
            for (var col = 0; col < n; col++)
            {
                Assert.Equal(r == col ? f[r] : 0.0, jacobian[(n + r) * d + n + col]);
                Assert.Equal(r == col ? o[r] * (1 - tanhC * tanhC) * f[r] : 0.0, jacobian[r * d + n + col], 1e-15);
            }
        }
    }

    [Fact]
    public void Initial_state_draws_h_then_c_from_the_same_stream()
    {
        var network = Create(ModelFamily.Lstm, 6, P());
        var state = new double[12];
        network.InitialState(new RandomStream(5), 0.3, state);
        var expected = new double[12];
        new RandomStream(5).FillGaussian(expected, 0.3);
        Assert.Equal(expected, state);
    }
}
