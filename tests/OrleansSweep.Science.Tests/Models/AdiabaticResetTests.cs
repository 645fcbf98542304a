using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using static OrleansSweep.Science.Tests.Models.NetworkTestKit;

namespace OrleansSweep.Science.Tests.Models;

/// <summary>
/// The gated model's adiabatic reset gate (tauR = 0, the τ_r → 0 limit of §A.2): σ_r reads J^r φ(h) at every instant.
/// Its exact Jacobian is checked by central differences with the other models (<see cref="JacobianTests"/>, ModelCases).
/// </summary>
public class AdiabaticResetTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double[] Gaussian(RandomStream stream, ulong label, int n)
    {
        var m = new double[n * n];
        stream.Fork(label).FillGaussian(m, 1 / Math.Sqrt(n));
        return m;
    }

    [Theory]
    [InlineData(6, 2.0, 5.0, -1.0)]
    [InlineData(30, 3.0, 10.0, -2.0)]
    public void Field_is_the_instantaneous_gate_formula_and_ignores_the_r_slot(int n, double gH, double alphaR, double bR)
    {
        var stream = new RandomStream(7);
        var (jH, jZ, jR) = (Gaussian(stream, 0, n), Gaussian(stream, 1, n), Gaussian(stream, 2, n));
        var network = new GatedNetwork(n, ModelCatalog.Resolve(ModelFamily.Gated, P(("gH", gH), ("alphaR", alphaR), ("bR", bR), ("alphaZ", 2), ("tauR", 0))), jH, jZ, jR, Kernels);
        Assert.True(network.Adiabatic);
        var state = RandomState(3 * n, 3, 0.8);
        var field = new double[3 * n];
        network.Evaluate(0, state, field);

        // ḣ_i = σ(α_z z_i)(−h_i + Σ_j J^h_ij σ(α_r Σ_k J^r_jk φ_k + b_r) φ_j), written out independently.
        var phi = state.Take(n).Select(h => Math.Tanh(gH * h)).ToArray();
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                var r = Enumerable.Range(0, n).Sum(k => jR[j * n + k] * phi[k]);
                sum += jH[i * n + j] * Sigmoid(alphaR * r + bR) * phi[j];
            }

            Assert.Equal(Sigmoid(2 * state[n + i]) * (-state[i] + sum), field[i], 1e-12);
        }

        // The r slot is never read: moving it changes only its own rate.
        var moved = (double[])state.Clone();
        for (var i = 2 * n; i < 3 * n; i++)
        {
            moved[i] += 5;
        }

        var movedField = new double[3 * n];
        network.Evaluate(0, moved, movedField);
        Assert.Equal(field.AsSpan(0, 2 * n).ToArray(), movedField.AsSpan(0, 2 * n).ToArray());
    }

    [Fact]
    public void Is_the_limit_of_a_fast_reset_gate()
    {
        // τ_r → 0 with the gates on their slow manifold: the h trajectories converge like O(τ_r) (§A.2 "exact reductions").
        const int n = 20;
        var stream = new RandomStream(11);
        var (jH, jZ, jR) = (Gaussian(stream, 0, n), Gaussian(stream, 1, n), Gaussian(stream, 2, n));
        GatedNetwork Network(double tauR) => new(
            n, ModelCatalog.Resolve(ModelFamily.Gated, P(("gH", 3), ("alphaR", 6), ("bR", -1), ("tauR", tauR), ("dt", 2e-4))), jH, jZ, jR, Kernels);
        var adiabatic = Trajectory(Network(0));
        var errors = new[] { 0.02, 0.01 }.Select(tau => MaxAbs(Trajectory(Network(tau)).Zip(adiabatic, (a, b) => a - b).ToArray())).ToArray();
        Assert.True(errors[0] > 0 && errors[1] < 0.7 * errors[0], $"‖Δh‖∞ = {errors[0]} (τ_r = 0.02), {errors[1]} (τ_r = 0.01)");
        Assert.True(errors[1] < 0.05 * MaxAbs(adiabatic), $"‖Δh‖∞ = {errors[1]} vs ‖h‖∞ = {MaxAbs(adiabatic)}");
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    public void Theory_says_it_assumes_the_adiabatic_limit_and_whether_the_network_shares_it(double tauR, double unmet)
    {
        var values = Science.Theory.TheoryPredictions.For(
            ModelFamily.Gated, ModelCatalog.Resolve(ModelFamily.Gated, P(("gH", 3), ("alphaR", 4), ("tauR", tauR))), default);
        Assert.Equal(1.0, values["assumes_adiabatic_reset"].Value);
        Assert.Equal(unmet, values["assumption_unmet"].Value);
        Assert.Equal(tauR > 0, values["lyapunov_max"].Note?.Contains("τ_r → 0", StringComparison.Ordinal) ?? false);
    }

    /// <summary>h after t = 1 from the same initial h (gates on their manifold), Euler with dt = 2·10⁻⁴.</summary>
    private static double[] Trajectory(GatedNetwork network)
    {
        var state = new double[network.Dimension];
        network.InitialState(new RandomStream(5), 1.0, state);
        var next = new double[state.Length];
        for (var step = 0; step < 5000; step++)
        {
            network.StepMap.Evaluate(step, state, next);
            (state, next) = (next, state);
        }

        return state.Take(network.Units).ToArray();
    }
}
