using OrleansSweep.Science.Models;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class GruNetworkTests
{
    [Theory]
    [InlineData(5, 1.5, 0.0, 0.0)]
    [InlineData(40, 3.0, -1.0, 0.7)]
    [InlineData(17, 0.8, 2.0, -2.0)]
    public void Jacobian_at_the_zero_fixed_point_is_hold_plus_gated_candidate_weights(int n, double gH, double bZ, double bR)
    {
        // §B.6: at h = 0 (b_h = 0) the Jacobian is (1 − s_z) I + s_z s_r U_h exactly.
        var network = (GruNetwork)Create(ModelFamily.Gru, n, P(("gH", gH), ("bZ", bZ), ("bR", bR), ("gZ", 4.0), ("gR", 6.0)));
        var zero = new double[n];
        var image = new double[n];
        network.Evaluate(0, zero, image);
        Assert.All(image, v => Assert.Equal(0.0, v));

        var jacobian = DenseJacobian(network, 0, zero);
        var sZ = 1 / (1 + Math.Exp(-bZ));
        var sR = 1 / (1 + Math.Exp(-bR));
        var uH = network.CandidateWeights;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = (i == j ? 1 - sZ : 0.0) + sZ * sR * uH[i * n + j];
                Assert.Equal(expected, jacobian[i * n + j], 1e-15);
            }
        }
    }

    [Fact]
    public void Step_mixes_state_and_candidate_with_the_update_gate()
    {
        const int n = 20;
        var network = (GruNetwork)Create(ModelFamily.Gru, n, P(("bZ", 0.4), ("bH", 0.2)));
        var h = RandomState(n, 3, 1.0);
        var z = new double[n];
        var r = new double[n];
        var candidate = new double[n];
        network.Gates(h, z, r, candidate);
        var next = new double[n];
        network.Evaluate(0, h, next);
        for (var i = 0; i < n; i++)
        {
            Assert.InRange(z[i], 0.0, 1.0);
            Assert.InRange(r[i], 0.0, 1.0);
            Assert.Equal((1 - z[i]) * h[i] + z[i] * candidate[i], next[i], 1e-15);
        }
    }

    [Fact]
    public void Reset_gate_acts_before_the_candidate_matrix()
    {
        // h̃ = tanh(U_h (r ⊙ h) + b_h): with the reset gate shut (b_r → −∞) the candidate is tanh(b_h) for every unit.
        const int n = 10;
        var network = (GruNetwork)Create(ModelFamily.Gru, n, P(("bR", -60.0), ("bH", 0.3)));
        var h = RandomState(n, 6, 1.0);
        var z = new double[n];
        var r = new double[n];
        var candidate = new double[n];
        network.Gates(h, z, r, candidate);
        Assert.All(candidate, c => Assert.Equal(Math.Tanh(0.3), c, 1e-15));
    }

    [Fact]
    public void A_shut_update_gate_holds_the_state()
    {
        // z → 0 holds (ModelCatalog.ConventionsText): b_z = −60 gives z ≈ 1e-26.
        const int n = 15;
        var network = Create(ModelFamily.Gru, n, P(("bZ", -60.0)));
        var h = RandomState(n, 7, 1.0);
        var next = new double[n];
        network.Evaluate(0, h, next);
        Assert.Equal(h, next);
    }
}
