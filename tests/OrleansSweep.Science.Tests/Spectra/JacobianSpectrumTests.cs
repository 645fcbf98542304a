using System.Numerics;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Spectra;
using Xunit.Abstractions;
using static OrleansSweep.Science.Tests.Lyapunov.AnalysisNetworks;

namespace OrleansSweep.Science.Tests.Spectra;

/// <summary>Jacobian eigen-spectra of the networks against the random-matrix predictions of §B and the cases of §D.</summary>
/// <remarks>
/// Sizes are chosen so the managed eigensolver keeps each test to a few seconds (dim ≤ 900). Finite-N edges overshoot
/// the N → ∞ prediction by a few per cent (§B.1), hence the asymmetric bands.
/// </remarks>
public sealed class JacobianSpectrumTests(ITestOutputHelper output)
{
    private static readonly SpectrumOptions AtOrigin = new();

    [Theory]
    [InlineData(1UL, 1.0)]
    [InlineData(2UL, 2.0)]
    public void Vanilla_map_at_the_origin_follows_the_circular_law(ulong seed, double sigmaW2)
    {
        // §D case 1: at h = 0 without bias the Jacobian is σ_w·Ginibre; ρ/σ_w ∈ [0.97, 1.08] at N = 400 (§D allows
        // [0.98, 1.06] at N = 1000) and a quarter of the eigenvalues lie inside |λ| < σ_w/2.
        const int n = 400;
        var network = Create(ModelFamily.Vanilla, n, seed, ("sigmaW2", sigmaW2));
        var sigmaW = Math.Sqrt(sigmaW2);

        var result = JacobianSpectrum.AtState(network, new double[n], 0, AtOrigin, Kernels);

        var inner = result.Eigenvalues!.Count(l => l.Magnitude < sigmaW / 2) / (double)n;
        output.WriteLine($"ρ/σ_w = {result.SpectralRadius / sigmaW:F4}, fraction inside σ_w/2 = {inner:F4}");
        Assert.Equal(AnalysisStatus.Converged, result.Outcome.Status);
        Assert.Equal(RandomMatrixModel.VanillaDisk, result.Predictions.Single().Model);
        Assert.Equal(sigmaW, result.PredictedRadius, 1e-12);
        Assert.InRange(result.SpectralRadius / sigmaW, 0.97, 1.08);
        Assert.InRange(inner, 0.22, 0.28);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Rate_network_at_the_origin_has_a_disk_centred_at_minus_one_of_radius_g(ulong seed)
    {
        // §B.1 (SCS at the origin): centre −1, radius g, abscissa −1 + g. The rightmost eigenvalue of one N = 300 network
        // lies within ≈ 6 % of g of the edge (off the real axis it can fall short of it).
        const int n = 300;
        const double g = 0.6;
        var network = Create(ModelFamily.Rate, n, seed, ("g", g));

        var result = JacobianSpectrum.AtState(network, new double[n], 0, AtOrigin, Kernels);

        output.WriteLine($"abscissa {result.SpectralAbscissa:F4} vs {-1 + g}; disk ratio {result.MeasuredDiskRadius / g:F4}");
        Assert.Equal(TimeKind.Continuous, result.Time);
        Assert.Equal(-1 + g, result.PredictedAbscissa, 1e-12);
        Assert.Equal(g, result.PredictedDiskRadius, 1e-12);
        Assert.InRange(result.MeasuredDiskRadius / g, 0.97, 1.07);
        Assert.Equal(-1 + g, result.SpectralAbscissa, 0.1 * g);
    }

    [Theory]
    [InlineData(1UL, 1.5, 0.0, 0.0, 1.0, 1.0)]
    [InlineData(2UL, 1.5, 0.0, 0.0, 1.0, 1.0)]
    [InlineData(3UL, 1.5, 1.0, -0.5, 2.0, 0.5)]
    public void Gated_network_at_the_zero_fixed_point_has_the_predicted_disk_and_exact_gate_eigenvalues(
        ulong seed, double gH, double bZ, double bR, double tauZ, double tauR)
    {
        // §D case 5: −1/τ_z and −1/τ_r (N-fold each) plus a disk centred at −σ(b_z) of radius σ(b_z)σ(b_r)g_h;
        // measured/predicted radius ∈ [0.97, 1.07] (§D asks N = 500; N = 300 keeps the 900×900 eigensolve cheap and
        // measured 1.033–1.039).
        const int n = 300;
        var network = Create(ModelFamily.Gated, n, seed, ("gH", gH), ("bZ", bZ), ("bR", bR), ("tauZ", tauZ), ("tauR", tauR));
        var analytic = RandomMatrix.GatedZeroFixedPoint(gH, bZ, bR, tauZ, tauR);

        var result = JacobianSpectrum.AtState(network, new double[3 * n], 0, AtOrigin, Kernels);

        var prediction = result.Predictions.Single();
        output.WriteLine($"disk ratio {result.MeasuredDiskRadius / analytic.DiskRadius:F4}, abscissa {result.SpectralAbscissa:F4} vs {analytic.SpectralAbscissa:F4}");
        Assert.Equal(RandomMatrixModel.GatedZeroFixedPoint, prediction.Model);
        Assert.Equal(analytic.DiskRadius, prediction.DiskRadius, 1e-10);
        Assert.Equal(analytic.DiskCenter, prediction.DiskCenter, 1e-12);
        Assert.InRange(result.MeasuredDiskRadius / analytic.DiskRadius, 0.97, 1.07);
        foreach (var tau in new[] { tauZ, tauR }.Distinct())
        {
            var multiplicity = (tauZ == tauR ? 2 : 1) * n;
            Assert.Equal(multiplicity, result.Eigenvalues!.Count(l => (l + (1 / tau)).Magnitude < 1e-6));
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Gru_at_the_zero_fixed_point_has_the_predicted_disk(ulong seed)
    {
        // §B.6: centre 1 − σ(b_z), radius σ(b_z)σ(b_r)g_h (0.5 and 0.375 at g_h = 1.5, b = 0).
        const int n = 300;
        var network = Create(ModelFamily.Gru, n, seed, ("gH", 1.5), ("gZ", 1.0), ("gR", 1.0));

        var result = JacobianSpectrum.AtState(network, new double[n], 0, AtOrigin, Kernels);

        output.WriteLine($"disk ratio {result.MeasuredDiskRadius / result.PredictedDiskRadius:F4}, ρ {result.SpectralRadius:F4} vs {result.PredictedRadius:F4}");
        Assert.Equal(TimeKind.Discrete, result.Time);
        Assert.Equal(RandomMatrixModel.GruZeroFixedPoint, result.Predictions.Single().Model);
        Assert.Equal(0.375, result.PredictedDiskRadius, 1e-10);
        Assert.InRange(result.MeasuredDiskRadius / result.PredictedDiskRadius, 0.97, 1.07);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    public void Gated_chaotic_state_has_its_rightmost_eigenvalue_at_the_boundary_edge(double alphaR)
    {
        // §D case 6 (g_h = 3, τ = 1, biases 0): rightmost Re λ against the §B.2 edge from the same state's unit
        // statistics, |difference| ≤ 0.06 (§D: N ≈ 500; N = 300 measured differences 0.013–0.029).
        const int n = 300;
        var network = Create(ModelFamily.Gated, n, 1, ("gH", 3.0), ("alphaR", alphaR));
        var options = new SpectrumOptions { Samples = 2, SampleSpacing = 1, TransientTime = 100 };

        var result = JacobianSpectrum.OnAttractor(network, InitialStream(1), options, Kernels, default);

        Assert.Equal(AnalysisStatus.Converged, result.Outcome.Status);
        for (var s = 0; s < result.SampleCount; s++)
        {
            var edge = result.Predictions[s].BulkEdge;
            output.WriteLine($"sample {s}: rightmost Re λ {result.SampleAbscissae[s]:F4}, RMT edge {edge:F4}");
            Assert.Equal(RandomMatrixModel.GatedBoundary, result.Predictions[s].Model);
            Assert.Equal(edge, result.SampleAbscissae[s], 0.06);
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Update_gate_gain_makes_one_slow_mode_per_nearly_closed_unit(ulong seed)
    {
        // §D case 7 (g_h = 3, α_z = 10): #{|λ| < 0.01} / #{units with σ_z < 0.01} ∈ [0.8, 1.1]. N = 150 (dim 450) gives
        // ≈ 40 such units; measured ratios 0.93–1.0.
        var network = Create(ModelFamily.Gated, 150, seed, ("gH", 3.0), ("alphaZ", 10.0));

        var result = JacobianSpectrum.OnAttractor(network, InitialStream(seed), new SpectrumOptions { Samples = 1, TransientTime = 100 }, Kernels, default);

        output.WriteLine($"slow eigenvalues {result.SlowModeCount}, units with σ_z < 0.01 {result.PredictedSlowModeCount}");
        Assert.True(result.PredictedSlowModeCount >= 20, "enough closed units for the ratio to mean something");
        Assert.InRange(result.SlowModeCount / result.PredictedSlowModeCount, 0.8, 1.1);
        Assert.Equal(result.SlowModeCount / 450, result.SlowModeFraction, 1e-12);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Gru_update_gate_that_holds_units_piles_eigenvalues_at_one(ulong seed)
    {
        // §D case 15 (g_h = 4, g_z = 10, b_z = −1, N = 400): eigenvalues within 0.01 of 1 against units with z < 0.01,
        // ratio ∈ [0.8, 1.1]; the §B.6 boundary predicts the spectral radius to a few per cent.
        var network = Create(ModelFamily.Gru, 400, seed, ("gH", 4.0), ("gZ", 10.0), ("bZ", -1.0));

        var result = JacobianSpectrum.OnAttractor(network, InitialStream(seed), new SpectrumOptions { Samples = 1, TransientTime = 500 }, Kernels, default);

        output.WriteLine($"near 1: {result.SlowModeCount}, units z < 0.01: {result.PredictedSlowModeCount}; ρ {result.SpectralRadius:F4} vs {result.PredictedRadius:F4}");
        Assert.Equal(RandomMatrixModel.GruBoundary, result.Predictions.Single().Model);
        Assert.InRange(result.SlowModeCount / result.PredictedSlowModeCount, 0.8, 1.1);
        Assert.InRange(result.SpectralRadius / result.PredictedRadius, 0.93, 1.05);
    }

    [Fact]
    public void Lstm_forget_bias_adds_slow_modes_and_output_bias_raises_the_spectral_radius()
    {
        // §D case 22: raising b_f puts ≈ N·P(1 − f < ε) eigenvalues near 1; raising b_o scales the random part up.
        const int n = 200;
        var options = new SpectrumOptions { Samples = 1, TransientTime = 300 };
        SpectrumResult At(params (string, double)[] p) =>
            JacobianSpectrum.OnAttractor(Create(ModelFamily.Lstm, n, 1, p), InitialStream(1), options, Kernels, default);

        var slow = new[] { 0.0, 3.0, 6.0 }.Select(bF => At(("bF", bF))).ToArray();
        var radius = new[] { -2.0, 0.0, 2.0 }.Select(bO => At(("bO", bO)).SpectralRadius).ToArray();

        output.WriteLine($"slow modes (b_f = 0, 3, 6): {string.Join(", ", slow.Select(s => s.SlowModeCount))} (predicted {string.Join(", ", slow.Select(s => s.PredictedSlowModeCount))})");
        output.WriteLine($"ρ (b_o = −2, 0, 2): {string.Join(", ", radius.Select(r => r.ToString("F4")))}");
        Assert.True(slow[0].SlowModeCount < slow[1].SlowModeCount && slow[1].SlowModeCount < slow[2].SlowModeCount);
        Assert.True(slow[2].SlowModeCount > n / 2, "b_f = 6 should hold most cells");
        Assert.True(radius[0] < radius[1] && radius[1] < radius[2]);
    }

    [Fact]
    public void Same_inputs_give_bit_identical_spectra()
    {
        var options = new SpectrumOptions { Samples = 2, TransientTime = 10 };

        var first = JacobianSpectrum.OnAttractor(Create(ModelFamily.Gated, 30, 5, ("alphaZ", 5.0)), InitialStream(5), options, Kernels, default);
        var second = JacobianSpectrum.OnAttractor(Create(ModelFamily.Gated, 30, 5, ("alphaZ", 5.0)), InitialStream(5), options, Kernels, default);

        Assert.Equal(
            first.Eigenvalues!.Select(l => (BitConverter.DoubleToInt64Bits(l.Real), BitConverter.DoubleToInt64Bits(l.Imaginary))),
            second.Eigenvalues!.Select(l => (BitConverter.DoubleToInt64Bits(l.Real), BitConverter.DoubleToInt64Bits(l.Imaginary))));
        Assert.Equal(first.PredictedBulkEdge, second.PredictedBulkEdge);
    }

    [Fact]
    public void Cancelled_token_returns_cancelled()
    {
        var result = JacobianSpectrum.OnAttractor(
            Create(ModelFamily.Rate, 50, 1), InitialStream(1), AtOrigin, Kernels, new CancellationToken(canceled: true));

        Assert.Equal(AnalysisStatus.Cancelled, result.Outcome.Status);
        Assert.Equal(0, result.SampleCount);
    }

    [Fact]
    public void Exploding_state_is_reported_as_diverged()
    {
        var result = JacobianSpectrum.OnAttractor(new DoublingNetwork(4), new RandomStream(1), AtOrigin, Kernels, default);

        Assert.Equal(AnalysisStatus.Diverged, result.Outcome.Status);
        Assert.True(double.IsNaN(result.SpectralRadius));
    }

    [Fact]
    public void Keeping_eigenvalues_is_optional()
    {
        var options = new SpectrumOptions { KeepEigenvalues = false };

        var result = JacobianSpectrum.AtState(Create(ModelFamily.Gru, 20, 1), new double[20], 0, options, Kernels);

        Assert.Null(result.Eigenvalues);
        Assert.True(result.SpectralRadius > 0);
    }

    /// <summary>h_{t+1} = 2 h_t: leaves every bounded range.</summary>
    private sealed class DoublingNetwork(int n) : IRecurrentNetwork, IDiscreteMap
    {
        public ModelFamily Family => ModelFamily.Vanilla;

        public int Units => n;

        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

        public bool IsAutonomous => true;

        public IDiscreteMap StepMap => this;

        public int Dimension => n;

        public TimeKind Time => TimeKind.Discrete;

        public double TimeStep => 1.0;

        public void InitialState(RandomStream random, double scale, Span<double> state) => random.FillGaussian(state, scale);

        public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
        {
            for (var i = 0; i < n; i++)
            {
                result[i] = 2 * x[i];
            }
        }

        public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
        {
            jacobian.Clear();
            for (var i = 0; i < n; i++)
            {
                jacobian[(i * n) + i] = 2;
            }
        }

        public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
        {
            for (var i = 0; i < n * columns; i++)
            {
                result[i] = 2 * basis[i];
            }
        }
    }
}
