using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory;

/// <summary>The sampled DMFT of the gated RNN (§B.3) against the exact Gaussian DMFT, its own invariants and §B.4's trends.</summary>
public class SampledDmftTests
{
    private static readonly SampledDmftOptions Fast = SampledDmftOptions.PerCell;

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    [Theory]
    [InlineData(4.0, 0.0, 0.0, 0.0)]
    [InlineData(3.0, 5.0, 0.0, 0.0)]
    [InlineData(4.0, 10.0, -2.0, 1.0)]
    [InlineData(5.0, 0.0, 1.0, -1.0)]
    public void Gaussian_closure_reproduces_the_exact_dmft_without_update_gate(double gH, double alphaR, double bR, double bZ)
    {
        // α_z = 0, τ_r → 0: h is Gaussian and Δ0 solves the particle problem of §B.3 exactly; the sampled iteration's
        // control variate is then exact, so only the Euler step (dt = 0.05) and the grid separate the two.
        var exact = GatedGaussianDmft.Solve(gH, alphaR, bR, bZ);
        var sampled = SampledDmft.Solve(new SampledDmftParameters(gH, 0, bZ, alphaR, bR, TauZ: 1, TauR: 0), Fast);

        Assert.Equal(AnalysisStatus.Converged, sampled.Outcome.Status);
        Assert.Equal(exact.Delta0, sampled.Delta0, 2e-3 * exact.Delta0);
        Assert.Equal(0, sampled.Delta0StandardError);
    }

    [Theory]
    [InlineData(4.0, 0.0, 0.0)]
    [InlineData(3.0, 5.0, 0.5)]
    public void One_pass_of_plain_sampling_is_unbiased(double gH, double alphaR, double tauR)
    {
        // §B.3 steps 2–3 without the control variate: at the exact α_z = 0 fixed point, the C_φ and C_h measured from 2048
        // sampled paths must equal the exact Gaussian ones within the sampling error of one pass (~1/√M, here ≲ 1 %).
        var parameters = new SampledDmftParameters(gH, AlphaR: alphaR, TauR: tauR);
        var options = SampledDmftOptions.Default with { Paths = 4096, Replicas = 2, ControlVariate = false };
        var n = options.GridPoints;
        var exact = SampledDmft.Solve(parameters, Fast);
        var phi = Ring(exact.PhiCorrelation, n);
        var spectra = new SampledDmftSpectra(parameters, n, options.TimeStep);
        spectra.Build(phi);
        var paths = new SampledDmftPaths(parameters, options, 0);

        paths.Run(spectra, measureH: true, default);

        var measuredPhi = CorrelationOf(paths.PhiPower, paths.Count, spectra);
        var measuredH = CorrelationOf(paths.HPower, paths.Count, spectra);
        // Without the control variate the surrogate of the same spectra is the exact Gaussian answer (α_z = 0: h = h_G).
        Assert.Equal(spectra.SurrogatePhiCorrelation[0], measuredPhi[0], 0.01 * measuredPhi[0]);
        Assert.Equal(spectra.SurrogateHCorrelation[0], measuredH[0], 0.015 * measuredH[0]);
        Assert.Equal(exact.Delta0, spectra.SurrogateHCorrelation[0], 1e-3 * exact.Delta0);
        for (var j = 0; j < n / 2; j += 100)
        {
            Assert.True(Math.Abs(measuredPhi[j] - spectra.SurrogatePhiCorrelation[j]) <= 0.015 * measuredPhi[0], $"C_φ at τ = {j * options.TimeStep}");
        }
    }

    [Theory]
    [InlineData(3.0, 5.0, 0.0)]
    [InlineData(3.0, 5.0, 0.01)]
    public void Small_output_gate_time_constant_approaches_the_instantaneous_gate(double gH, double alphaR, double tauR)
    {
        // §A.2 τ_r → 0: the r-gate becomes algebraic and the Gaussian DMFT of §B.3 is exact.
        var exact = GatedGaussianDmft.Solve(gH, alphaR, 0, 0);
        var sampled = SampledDmft.Solve(new SampledDmftParameters(gH, AlphaR: alphaR, TauR: tauR), Fast);
        Assert.Equal(exact.Delta0, sampled.Delta0, 3e-3 * exact.Delta0);
    }

    [Theory]
    [InlineData(4.0, 0.0)]
    [InlineData(4.0, 1.5)]
    [InlineData(5.0, -1.0)]
    public void Autocorrelation_is_the_scs_solution_on_slowed_time(double gH, double bZ)
    {
        // §A.2: α_z = α_r = 0 is SCS with g = g_h/2 in x = g_h h, on time slowed by σ(b_z). So C_h(τ) = Δ_SCS(σ(b_z)τ)/g_h²,
        // a check of the whole correlation function, not only its value at 0.
        var scs = ExactScsCorrelation(gH / 2);
        var sampled = SampledDmft.Solve(new SampledDmftParameters(gH, BZ: bZ), Fast);
        var rate = Logistic(bZ);
        for (var j = 0; j < sampled.HCorrelation.Count; j += 40)
        {
            var scaledTime = rate * j * sampled.TimeStep;
            var expected = Interpolate(scs, scaledTime) / (gH * gH);
            // Forward Euler at dt = 0.05 filters η_h with |H|² = s²/((s − ω²dt/2)² + ω²) instead of s²/(s² + ω²): up to ~1 % of
            // Δ0 in C_h(τ) at intermediate τ for s = σ(b_z) ≈ 0.8, far less in Δ0 itself (checked above to 2·10⁻³).
            Assert.True(Math.Abs(sampled.HCorrelation[j] - expected) <= 0.02 * sampled.Delta0, $"τ = {j * sampled.TimeStep}: {sampled.HCorrelation[j]} vs {expected}");
        }

        // τ_R inherits the Euler lag, ≈ dt·σ(b_z)/2 relative (2 % at b_z = 1.5): the same bias as a network run at dt = 0.05.
        var expectedTau = SampledDmft.RelaxationTime(scs, scs.Length - 1, ScsStep) / rate;
        Assert.Equal(expectedTau, sampled.RelaxationTime, 0.03 * expectedTau);
    }

    [Fact]
    public void Relaxation_time_grows_with_the_update_gate_gain()
    {
        // §B.4 (qualitative, PRX): the z-gate slows the dynamics; τ_R rises with α_z at fixed g_h.
        var previous = 0.0;
        foreach (var alphaZ in new[] { 0.0, 1.0, 2.0 })
        {
            var solution = SampledDmft.Solve(new SampledDmftParameters(5, alphaZ), Fast);
            Assert.True(solution.Outcome.IsUsable, solution.Outcome.Reason);
            Assert.True(
                solution.RelaxationTime > previous + 2 * solution.RelaxationTimeStandardError,
                $"α_z = {alphaZ}: τ_R = {solution.RelaxationTime} ± {solution.RelaxationTimeStandardError}, previous {previous}");
            previous = solution.RelaxationTime;
        }
    }

    [Fact]
    public void Closed_update_gates_become_more_frequent_with_the_gain()
    {
        // §B.2 item 2: units with σ_z < 0.01 are the slow modes; their fraction grows with α_z.
        var moderate = SampledDmft.Solve(new SampledDmftParameters(5, 2), Fast);
        var strong = SampledDmft.Solve(new SampledDmftParameters(5, 5), Fast with { MaxIterations = 25 });
        Assert.InRange(moderate.MeanUpdateGate, 0.45, 0.55);
        Assert.True(strong.ClosedGateFraction > 5 * moderate.ClosedGateFraction, $"{strong.ClosedGateFraction} vs {moderate.ClosedGateFraction}");
    }

    [Fact]
    public void Below_the_zero_fixed_point_line_the_solution_is_quiescent()
    {
        // g_h σ(b_r) < 1: the zero fixed point attracts (§B.2 item 1), with or without the update gate.
        foreach (var alphaZ in new[] { 0.0, 3.0 })
        {
            var solution = SampledDmft.Solve(new SampledDmftParameters(1.5, alphaZ), Fast);
            Assert.Equal(AnalysisStatus.Converged, solution.Outcome.Status);
            Assert.False(solution.IsChaotic);
            Assert.Equal(0, solution.Delta0);
        }
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_varies_with_it()
    {
        var parameters = new SampledDmftParameters(5, 2);
        var options = Fast with { GridPoints = 2048, MaxIterations = 8 };
        var first = SampledDmft.Solve(parameters, options);
        var again = SampledDmft.Solve(parameters, options);
        var other = SampledDmft.Solve(parameters, options with { Seed = 99 });
        Assert.Equal(first.Delta0, again.Delta0);
        Assert.Equal(first.HCorrelation, again.HCorrelation);
        Assert.NotEqual(first.Delta0, other.Delta0);
    }

    [Fact]
    public void Reports_the_iteration_budget_as_not_converged()
    {
        var solution = SampledDmft.Solve(new SampledDmftParameters(4), Fast with { MaxIterations = 2 });
        Assert.Equal(AnalysisStatus.NotConverged, solution.Outcome.Status);
        Assert.Equal(2, solution.Iterations);
        Assert.True(solution.FinalChange > Fast.Tolerance);
        Assert.True(solution.Delta0 > 0);
    }

    [Fact]
    public void Observes_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var solution = SampledDmft.Solve(new SampledDmftParameters(5, 2), Fast, source.Token);
        Assert.Equal(AnalysisStatus.Cancelled, solution.Outcome.Status);
        Assert.True(double.IsNaN(solution.Delta0));
    }

    [Fact]
    public void Rejects_invalid_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledDmft.Solve(new SampledDmftParameters(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledDmft.Solve(new SampledDmftParameters(3), Fast with { GridPoints = 1000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledDmft.Solve(new SampledDmftParameters(3), Fast with { Paths = 250 }));
    }

    private const double ScsStep = 0.01;

    /// <summary>Δ_SCS(τ) on τ = i·0.01 from the exact Gaussian DMFT machinery (§B.3 particle equation).</summary>
    private static double[] ExactScsCorrelation(double g)
    {
        var solution = ScsDmft.Solve(g);
        var table = DmftTable.Build(new ScsKernel(g), solution.Delta0, DmftOptions.Default.ChebyshevPoints);
        var tailRate = Math.Sqrt(1 - table.Slope.Evaluate(0));
        return ParticleTrajectory.Integrate(table.Nu, solution.Delta0, tailRate, ScsStep, 20001, default);
    }

    private static double[] Ring(IReadOnlyList<double> half, int n)
    {
        var ring = new double[n];
        for (var j = 0; j < n; j++)
        {
            ring[j] = half[Math.Min(j, n - j)];
        }

        return ring;
    }

    private static double[] CorrelationOf(double[] power, int paths, SampledDmftSpectra spectra)
    {
        var n = power.Length;
        var eigenvalues = power.Select(p => p / ((double)paths * n)).ToArray();
        var correlation = new double[n];
        spectra.Correlation(eigenvalues, correlation);
        return correlation;
    }

    private static double Interpolate(double[] values, double tau)
    {
        var x = tau / ScsStep;
        var i = Math.Min((int)x, values.Length - 2);
        var f = x - i;
        return (1 - f) * values[i] + f * values[i + 1];
    }
}
