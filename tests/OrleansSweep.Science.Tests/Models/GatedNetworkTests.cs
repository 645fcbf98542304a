using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

public class GatedNetworkTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Theory]
    [InlineData(5, 2.5, -0.7, 0.4)]
    [InlineData(30, 4.0, 0.0, 0.0)]
    [InlineData(50, 1.5, 1.3, -2.0)]
    public void Without_gate_gains_the_field_is_the_rate_network_in_x_equal_gH_h_on_slowed_time(int n, double gH, double bZ, double bR)
    {
        // §A.2: α_z = α_r = 0 ⇒ dh/dt = σ(b_z)[−h + σ(b_r) J^h tanh(g_h h)], i.e. with x = g_h h,
        // dx/dt = σ(b_z)[−x + J tanh(x)] with J = g_h σ(b_r) J^h: the rate network with g = g_h σ(b_r), time × σ(b_z).
        var stream = new RandomStream(41);
        var jH = Gaussian(stream, 0, n);
        var jZ = Gaussian(stream, 1, n);
        var jR = Gaussian(stream, 2, n);
        var g = gH * Sigmoid(bR);
        var gated = new GatedNetwork(
            n, ModelCatalog.Resolve(ModelFamily.Gated, P(("gH", gH), ("bZ", bZ), ("bR", bR), ("alphaZ", 0), ("alphaR", 0), ("tauZ", 0.3))),
            jH, jZ, jR, Kernels);
        var rate = new RateNetwork(n, ModelCatalog.Resolve(ModelFamily.Rate, P(("g", g))), jH.Select(v => g * v).ToArray(), Kernels);

        var state = RandomState(3 * n, 12, 1.0);
        var x = state.Take(n).Select(h => gH * h).ToArray();
        var gatedField = new double[3 * n];
        var rateField = new double[n];
        gated.Evaluate(0, state, gatedField);
        rate.Evaluate(0, x, rateField);
        var scale = MaxAbs(rateField);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(Sigmoid(bZ) * rateField[i], gH * gatedField[i], 1e-13 * scale);
        }

        // Jacobians correspond too: ∂ḣ/∂h = σ(b_z) D_rate(x), and h does not depend on z or r.
        var gatedJacobian = DenseJacobian(gated, 0, state);
        var rateJacobian = DenseJacobian(rate, 0, x);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(Sigmoid(bZ) * rateJacobian[i * n + j], gatedJacobian[i * 3 * n + j], 1e-14);
                Assert.Equal(0.0, gatedJacobian[i * 3 * n + n + j]);
                Assert.Equal(0.0, gatedJacobian[i * 3 * n + 2 * n + j]);
            }
        }
    }

    [Theory]
    [InlineData(4, 1.5, 0.0, 0.0, 1.0, 1.0)]
    [InlineData(25, 3.0, 0.3, -0.5, 2.0, 0.5)]
    [InlineData(60, 1.2, -1.0, 1.0, 0.2, 10.0)]
    public void Zero_fixed_point_Jacobian_is_block_triangular_with_the_predicted_blocks(int n, double gH, double bZ, double bR, double tauZ, double tauR)
    {
        // §B.2 item 1 (case 5 of §D): at the origin (β_h = 0) u = 0 and φ = 0, so the z and r columns of the h rows
        // vanish for any α; the h block is σ(b_z)(−I + σ(b_r) g_h J^h) and the gate blocks are −I/τ.
        var network = (GatedNetwork)Create(ModelFamily.Gated, n, P(("gH", gH), ("bZ", bZ), ("bR", bR), ("alphaZ", 7.0), ("alphaR", 9.0), ("tauZ", tauZ), ("tauR", tauR)));
        var d = 3 * n;
        var origin = new double[d];
        var field = new double[d];
        network.Evaluate(0, origin, field);
        Assert.All(field, v => Assert.Equal(0.0, v));

        var jacobian = DenseJacobian(network, 0, origin);
        var sZ = Sigmoid(bZ);
        var sR = Sigmoid(bR);
        var jH = network.HiddenCoupling;
        double trace = 0, hiddenTrace = 0;
        for (var i = 0; i < n; i++)
        {
            hiddenTrace += jH[i * n + i];
            for (var j = 0; j < n; j++)
            {
                var hh = sZ * ((i == j ? -1.0 : 0.0) + sR * gH * jH[i * n + j]);
                Assert.Equal(hh, jacobian[i * d + j], 1e-15);
                Assert.Equal(0.0, jacobian[i * d + n + j]);
                Assert.Equal(0.0, jacobian[i * d + 2 * n + j]);
                Assert.Equal(i == j ? -1 / tauZ : 0.0, jacobian[(n + i) * d + n + j]);
                Assert.Equal(0.0, jacobian[(n + i) * d + 2 * n + j]);
                Assert.Equal(0.0, jacobian[(2 * n + i) * d + n + j]);
                Assert.Equal(i == j ? -1 / tauR : 0.0, jacobian[(2 * n + i) * d + 2 * n + j]);
            }
        }

        for (var i = 0; i < d; i++)
        {
            trace += jacobian[i * d + i];
        }

        Assert.Equal(-n * sZ + sZ * sR * gH * hiddenTrace - n / tauZ - n / tauR, trace, 1e-12 * n);
    }

    [Fact]
    public void Zero_fixed_point_spectrum_has_the_gate_eigenvalues_and_the_predicted_disk()
    {
        // Gate eigenvalues −1/τ_z, −1/τ_r (N each) are placed outside the disk centred at −σ(b_z) with radius
        // σ(b_z)σ(b_r)g_h = 0.55·0.38·1.5 ≈ 0.31, so they can be counted. The finite-N edge fluctuates by ~N^(−1/2) ≈ 13 % of the radius and
        // overshoots on average (3 seeds: 1.02–1.11), so the edge is allowed in [0.85, 1.2] of the radius.
        const int n = 60;
        const double gH = 1.5, bZ = 0.2, bR = -0.5, tauZ = 0.2, tauR = 10.0;
        var network = Create(ModelFamily.Gated, n, P(("gH", gH), ("bZ", bZ), ("bR", bR), ("alphaZ", 4.0), ("alphaR", 4.0), ("tauZ", tauZ), ("tauR", tauR)));
        var d = 3 * n;
        var jacobian = DenseJacobian(network, 0, new double[d]);
        // MathNet's EVD keeps this check independent of the kernels under test elsewhere.
        var eigenvalues = Matrix<double>.Build.DenseOfRowMajor(d, d, jacobian).Evd().EigenValues.ToArray();

        Assert.Equal(n, eigenvalues.Count(l => Complex.Abs(l + 1 / tauZ) < 1e-8));
        Assert.Equal(n, eigenvalues.Count(l => Complex.Abs(l + 1 / tauR) < 1e-8));
        var centre = -Sigmoid(bZ);
        var radius = Sigmoid(bZ) * Sigmoid(bR) * gH;
        var bulk = eigenvalues.Where(l => Complex.Abs(l + 1 / tauZ) >= 1e-8 && Complex.Abs(l + 1 / tauR) >= 1e-8).ToArray();
        Assert.Equal(n, bulk.Length);
        Assert.InRange(bulk.Max(l => Complex.Abs(l - centre)) / radius, 0.85, 1.2);
        Assert.Equal(centre, bulk.Average(l => l.Real), 1e-10 + radius / Math.Sqrt(n));
    }

    [Fact]
    public void Initial_state_puts_the_gates_on_their_slow_manifold()
    {
        const int n = 20;
        var network = Create(ModelFamily.Gated, n, P(("tauZ", 0.5), ("tauR", 2.0), ("betaH", 0.3)));
        var state = new double[3 * n];
        network.InitialState(new RandomStream(8), 1.0, state);
        var h = new double[n];
        new RandomStream(8).FillGaussian(h);
        Assert.Equal(h, state.Take(n).ToArray());

        var field = new double[3 * n];
        network.Evaluate(0, state, field);
        for (var i = n; i < 3 * n; i++)
        {
            Assert.Equal(0.0, field[i], 1e-15);
        }
    }

    [Fact]
    public void A_shut_update_gate_freezes_its_unit()
    {
        // σ_z → 0 stops dh_i/dt (§A.2, α_z → ∞): z = −10 with α_z = 10 gives σ_z ≈ 4e-44.
        const int n = 10;
        var network = (GatedNetwork)Create(ModelFamily.Gated, n, P(("alphaZ", 10.0)));
        var state = RandomState(3 * n, 3, 1.0);
        state[n + 4] = -10.0;
        var field = new double[3 * n];
        network.Evaluate(0, state, field);
        Assert.Equal(0.0, field[4], 1e-40);
        Assert.True(Math.Abs(field[5]) > 1e-6);

        var (phi, sigmaZ, sigmaR, u) = (new double[n], new double[n], new double[n], new double[n]);
        network.Gates(state, phi, sigmaZ, sigmaR, u);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(sigmaZ[i] * u[i], field[i], 1e-15);
            Assert.Equal(Math.Tanh(3.0 * state[i]), phi[i], 1e-15);
        }
    }

    private static double[] Gaussian(RandomStream stream, ulong label, int n)
    {
        var m = new double[n * n];
        stream.Fork(label).FillGaussian(m, 1 / Math.Sqrt(n));
        return m;
    }
}
