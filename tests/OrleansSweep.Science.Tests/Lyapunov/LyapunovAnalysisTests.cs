using OrleansSweep.Science.Integration;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Lyapunov;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.Lyapunov;

/// <summary>The QR (Benettin) machinery on linear systems whose exponents are known exactly, and its failure modes.</summary>
public sealed class LyapunovAnalysisTests
{
    private static readonly IDenseKernels Kernels = DenseKernels.Default;

    // Moduli 1.3, 1.05, 0.8, 0.6, 0.3 (and a negative real): neighbouring ratios ≤ 0.81, so 300 warm-up steps align the
    // basis to (0.81)^300 ≈ 1e-27 and what remains is rounding.
    private static readonly (double Rho, double Theta)[] Rotations = [(1.3, 0.7), (0.8, 2.1)];
    private static readonly double[] Reals = [1.05, -0.6, 0.3];

    private static LyapunovOptions ExactOptions(int k) => new()
    {
        Exponents = k,
        TransientTime = 300,
        BasisWarmupTime = 300,
        AveragingTime = 1000,
    };

    private static LyapunovResult Run(IDiscreteMap map, double[] x0, LyapunovOptions options, CancellationToken ct = default) =>
        LyapunovAnalysis.Run(map, x0, new RandomStream(5), new RandomStream(6), options, Kernels, ct);

    [Theory]
    [InlineData(1UL, 7)]
    [InlineData(2UL, 7)]
    [InlineData(3UL, 3)]
    [InlineData(4UL, 1)]
    public void Exponents_of_a_normal_linear_map_are_the_log_moduli_of_its_eigenvalues(ulong seed, int k)
    {
        var (a, logs) = NormalMatrices.Build(Rotations, Reals, seed, Kernels);
        var map = new LinearSystem(a, logs.Length, Kernels);

        // The state stays at 0 (the tangent map does not depend on it), so nothing overflows.
        var result = Run(map, new double[logs.Length], ExactOptions(k));

        Assert.Equal(AnalysisStatus.Converged, result.Outcome.Status);
        Assert.Equal(k, result.Spectrum.Count);
        for (var i = 0; i < k; i++)
        {
            Assert.Equal(logs[i], result.Spectrum[i], 1e-10);
        }

        Assert.Equal(logs[0], result.MaxExponent, 1e-10);
        Assert.Equal(logs[0], result.TwinMaxExponent, 1e-9);
        Assert.Equal(logs.Take(k).Sum(), result.Sum, 1e-9);
    }

    [Fact]
    public void Full_spectrum_sum_equals_the_log_determinant_and_the_Kaplan_Yorke_dimension_follows()
    {
        var (a, logs) = NormalMatrices.Build(Rotations, Reals, 9, Kernels);
        var map = new LinearSystem(a, logs.Length, Kernels);

        var result = Run(map, new double[logs.Length], ExactOptions(logs.Length));

        Assert.Equal(VolumeRateSource.MapLogDeterminant, result.VolumeSource);
        Assert.Equal(logs.Sum(), result.VolumeGrowthRate, 1e-10);
        Assert.Equal(result.VolumeGrowthRate, result.Sum, 1e-10);
        var (dimension, lowerBound) = LyapunovSummary.KaplanYorke(logs);
        Assert.False(lowerBound);
        Assert.Equal(dimension, result.KaplanYorkeDimension, 1e-9);
        Assert.Equal(logs.Where(l => l > 0).Sum(), result.EntropyRate, 1e-10);
        Assert.False(result.EntropyRateIsLowerBound);
    }

    [Fact]
    public void Flow_exponents_are_map_exponents_over_dt_and_the_trace_is_reported_for_the_flow()
    {
        // dx/dt = A x with A normal, Euler map I + dt A (normal too): exponents log|1 + dt μ|/dt exactly, and the
        // vector field's trace is tr A = Σ Re μ, which Σλ approaches as dt → 0.
        const double dt = 0.05;
        var (a, _) = NormalMatrices.Build([(0.3, 0.9)], [-0.5, 0.1, -1.2], 13, Kernels);
        var n = 5;
        var flow = new LinearSystem(a, n, Kernels, TimeKind.Continuous);
        var mu = new[] { new System.Numerics.Complex(0.3 * Math.Cos(0.9), 0.3 * Math.Sin(0.9)), new(0.3 * Math.Cos(0.9), -0.3 * Math.Sin(0.9)), -0.5, 0.1, -1.2 };
        var expected = mu.Select(m => System.Numerics.Complex.Log(1 + (dt * m)).Real / dt).OrderDescending().ToArray();
        var options = new LyapunovOptions { Exponents = n, TransientTime = 100, BasisWarmupTime = 100, AveragingTime = 200 };

        var result = LyapunovAnalysis.Run(FlowMaps.Euler(flow, dt), flow, new double[n], new RandomStream(1), new RandomStream(2), options, Kernels, default);

        for (var i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], result.Spectrum[i], 1e-9);
        }

        Assert.Equal(VolumeRateSource.VectorFieldTrace, result.VolumeSource);
        Assert.Equal(mu.Sum(m => m.Real), result.VolumeGrowthRate, 1e-12);
        Assert.Equal(dt, result.TimeStep);
        Assert.Equal(20, result.StepsPerOrthonormalization);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.0, -1.0 }, 2.5, false)]
    [InlineData(new[] { 0.3, -0.1, -0.4, -2.0 }, 2.5, false)]
    [InlineData(new[] { -0.1, -0.5 }, 0.0, false)]
    [InlineData(new[] { 0.3, 0.2, -0.1 }, 3.0, true)]
    public void Kaplan_Yorke_dimension_interpolates_where_the_partial_sum_turns_negative(double[] spectrum, double expected, bool lowerBound)
    {
        var (dimension, isLowerBound) = LyapunovSummary.KaplanYorke(spectrum);

        Assert.Equal(expected, dimension, 1e-12);
        Assert.Equal(lowerBound, isLowerBound);
    }

    [Fact]
    public void Growing_state_is_reported_as_diverged_with_the_time_it_left_the_range()
    {
        var map = new LinearSystem(Diagonal(2.0, 3), 3, Kernels);
        var x0 = new[] { 1.0, -0.5, 0.25 };

        var result = Run(map, x0, new LyapunovOptions { Exponents = 2, TransientTime = 10, BasisWarmupTime = 5 });

        // |x|_max = 2^t first exceeds 1e8 at t = 27.
        Assert.Equal(AnalysisStatus.Diverged, result.Outcome.Status);
        Assert.Equal(27.0, result.DivergenceTime);
        Assert.True(double.IsNaN(result.MaxExponent));
    }

    [Fact]
    public void Overflow_to_infinity_is_reported_as_diverged()
    {
        var map = new LinearSystem(Diagonal(2.0, 2), 2, Kernels);

        var result = Run(map, [1.0, 1.0], new LyapunovOptions { Exponents = 1, TransientTime = 2000, DivergenceThreshold = double.MaxValue });

        // 2^1024 overflows to +∞.
        Assert.Equal(AnalysisStatus.Diverged, result.Outcome.Status);
        Assert.Equal(1024.0, result.DivergenceTime);
    }

    [Fact]
    public void Non_finite_state_is_reported_as_diverged()
    {
        var a = Diagonal(0.5, 3);
        a[4] = double.NaN;
        var map = new LinearSystem(a, 3, Kernels);

        var result = Run(map, [1.0, 1.0, 1.0], new LyapunovOptions { Exponents = 1, TransientTime = 10, BasisWarmupTime = 5 });

        // x_1 = A x_0 already holds NaN in its second component.
        Assert.Equal(AnalysisStatus.Diverged, result.Outcome.Status);
        Assert.Equal(1.0, result.DivergenceTime);
    }

    [Fact]
    public void A_tangent_vector_mapped_to_zero_gives_the_floored_exponent_not_NaN()
    {
        // The zero map sends every tangent vector to 0: R = 0 each interval, log floored, the vector restarts as a unit.
        var map = new LinearSystem(new double[9], 3, Kernels);

        var result = Run(map, new double[3], new LyapunovOptions { Exponents = 1, TransientTime = 5, BasisWarmupTime = 5, AveragingTime = 20 });

        Assert.True(result.Outcome.IsUsable, result.Outcome.Reason);
        Assert.Equal(-745.0, result.MaxExponent);
        Assert.Equal(-745.0, result.TwinMaxExponent);
    }

    [Fact]
    public void A_cancelled_token_stops_the_run_within_one_orthonormalisation_interval()
    {
        using var source = new CancellationTokenSource();
        var (a, logs) = NormalMatrices.Build(Rotations, Reals, 1, Kernels);
        var map = new LinearSystem(a, logs.Length, Kernels) { OnEvaluate = count => { if (count == 500) { source.Cancel(); } } };
        var options = ExactOptions(3) with { OrthonormalizationInterval = 4 };

        var result = Run(map, new double[logs.Length], options, source.Token);

        Assert.Equal(AnalysisStatus.Cancelled, result.Outcome.Status);
        Assert.InRange(result.Steps, 1, 500 + options.OrthonormalizationInterval);
    }

    [Fact]
    public void An_already_cancelled_token_returns_cancelled_without_stepping()
    {
        var map = new LinearSystem(Diagonal(0.5, 2), 2, Kernels);

        var result = Run(map, [1.0, 1.0], ExactOptions(2), new CancellationToken(canceled: true));

        Assert.Equal(AnalysisStatus.Cancelled, result.Outcome.Status);
        Assert.Equal(0, result.Steps);
    }

    [Fact]
    public void Averaging_time_is_rounded_up_to_whole_windows_of_whole_intervals()
    {
        var map = new LinearSystem(Diagonal(0.5, 2), 2, Kernels, TimeKind.Discrete, 0.1);
        var options = new LyapunovOptions { Exponents = 2, TransientTime = 0, BasisWarmupTime = 0, AveragingTime = 10.05, Windows = 4 };

        var result = Run(map, [1e-3, 1e-3], options);

        // 10 steps per interval of 1; 10.05 → 11 intervals → 3 per window × 4 windows = 12 time units.
        Assert.Equal(12.0, result.AveragingTime, 1e-12);
        Assert.Equal(120, result.Steps);
        Assert.Equal(4, result.WindowMaxExponents.Count);
        Assert.Equal(Math.Log(0.5) / 0.1, result.MaxExponent, 1e-10);
    }

    [Theory]
    [InlineData("Windows")]
    [InlineData("Exponents")]
    [InlineData("Warmup")]
    [InlineData("Interval")]
    public void Invalid_options_are_rejected(string which)
    {
        var options = which switch
        {
            "Windows" => new LyapunovOptions { Windows = 1 },
            "Exponents" => new LyapunovOptions { Exponents = 0 },
            "Warmup" => new LyapunovOptions { TransientTime = 10, BasisWarmupTime = 20 },
            _ => new LyapunovOptions { OrthonormalizationInterval = 0 },
        };

        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }

    private static double[] Diagonal(double value, int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = value;
        }

        return a;
    }
}
