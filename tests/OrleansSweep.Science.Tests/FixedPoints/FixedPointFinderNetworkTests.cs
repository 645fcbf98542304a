using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using OrleansSweep.Science.FixedPoints;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;
using Xunit.Abstractions;

namespace OrleansSweep.Science.Tests.FixedPoints;

/// <summary>The finder on the six network families: theory (§B.1, §B.5–B.6), case 13, applicability, cancellation.</summary>
public class FixedPointFinderNetworkTests(ITestOutputHelper output)
{
    // The kernels a sweep uses (OpenBLAS where installed, else managed). At the time of writing the managed
    // eigensolver fails on ~40% of gated fixed-point Jacobians (3N×3N, N-fold −1/τ_z and −1/τ_r), which the finder
    // reports as Unknown stability; the independent-eigenvalue test below would catch that.
    private static readonly IDenseKernels Kernels = DenseKernels.Default;

    [Theory]
    [InlineData(ModelFamily.Vanilla, "sigmaW2=0.5")]
    [InlineData(ModelFamily.Rate, "g=0.5")]
    [InlineData(ModelFamily.Gru, "gH=1.5;bR=-1")]
    [InlineData(ModelFamily.Gated, "gH=1;alphaZ=5;alphaR=2")]
    [InlineData(ModelFamily.Minimal, "sigmaW2=4;muB=2;R=0")]
    public void Networks_below_their_transition_have_only_the_stable_origin(ModelFamily family, string parameters)
    {
        // Vanilla σ_w² < 1 and rate g < 1: the origin is globally stable (§A.1, §B.1); GRU and gated: g_h σ(b_r) < 1
        // makes the zero fixed point stable (§B.2, §B.6) and, this far below g_FP, the only one. The gains sit well
        // below the N → ∞ thresholds (effective 0.5–0.75) because at N = 16 outliers of the disk fluctuate by ~N^(−1/2).
        // The autonomous minimalRNN h ↦ σ(W h + b) ⊙ h has only the origin at any σ_w² (1 − u > 0), and u < 1 there.
        foreach (var n in new[] { 4, 16 })
        {
            for (var realization = 0; realization < 2; realization++)
            {
                var report = Find(Network(family, n, parameters, realization), 64);
                var point = Assert.Single(report.Points);
                Assert.True(point.State.All(v => Math.Abs(v) < 1e-10), $"{family} N={n}: the point is not the origin");
                Assert.Equal(FixedPointStability.Stable, point.Stability);
                Assert.Equal(1, report.StableCount);
                Assert.Equal(64, report.ConvergedStarts);
            }
        }
    }

    [Theory]
    [InlineData(ModelFamily.Rate, "g=3")]
    [InlineData(ModelFamily.Vanilla, "sigmaW2=9")]
    public void Fixed_point_count_grows_with_n_at_large_gain(ModelFamily family, string parameters)
    {
        // Above the transition the expected number of fixed points grows like e^{NΣ} with Σ > 0 (§B.6, Kac–Rice).
        var means = new Dictionary<int, double>();
        foreach (var n in new[] { 4, 8, 12 })
        {
            var counts = Enumerable.Range(0, 6).Select(r => Find(Network(family, n, parameters, r), 256)).ToList();
            means[n] = counts.Average(c => c.Distinct);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{family} {parameters} N={n}: counts [{string.Join(", ", counts.Select(c => c.Distinct))}], mean {means[n]:F2}, singletons {counts.Sum(c => c.Singletons)}, stable {counts.Sum(c => c.StableCount)}"));
        }

        Assert.True(means[12] > means[4], $"mean count at N=12 ({means[12]}) is not above N=4 ({means[4]})");
    }

    [Theory]
    [InlineData(ModelFamily.Gated, "gH=4;alphaR=1", "alphaZ=10;bZ=-1;tauZ=3")]
    [InlineData(ModelFamily.Gru, "gH=4;gR=1", "gZ=5;bZ=-1")]
    public void Z_gate_does_not_move_fixed_points(ModelFamily family, string common, string zGate)
    {
        // §A.2–A.3, §D case 13: the same couplings with two z-gates give the same points (h, z and r parts).
        var richest = 0;
        for (var realization = 0; realization < 2; realization++)
        {
            var plain = Find(Network(family, 8, common, realization), 256);
            var gated = Find(Network(family, 8, $"{common};{zGate}", realization), 256);
            Assert.Equal(plain.Distinct, gated.Distinct);
            foreach (var point in plain.Points)
            {
                var distance = gated.Points.Min(other => MaxDifference(point.State, other.State));
                Assert.True(distance < 1e-8, $"{family} realization {realization}: a point moved by {distance:E2}");
            }

            richest = Math.Max(richest, plain.Distinct);
        }

        Assert.True(richest >= 3, "no network had more than the origin, so the comparison is too weak");
    }

    [Theory]
    [InlineData(ModelFamily.Vanilla, "sigmaW2=4;sigmaB2=0.3;muB=0.1")]
    [InlineData(ModelFamily.Rate, "g=2.5;integrator=1")]
    [InlineData(ModelFamily.Minimal, "sigmaW2=4;muB=-1;sigmaB2=0.5;R=0")]
    [InlineData(ModelFamily.Gru, "gH=4;gZ=10;bZ=-1;gR=3;bR=-1")]
    [InlineData(ModelFamily.Lstm, "gF=5;bF=3;bI=-1;bO=1;bG=0.5")]
    [InlineData(ModelFamily.Gated, "gH=4;alphaZ=10;alphaR=10;bZ=-1;bR=0.5;betaH=0.2;tauZ=2;tauR=0.5")]
    public void Every_point_is_a_zero_and_its_stability_matches_independent_eigenvalues(ModelFamily family, string parameters)
    {
        foreach (var n in new[] { 5, 10 })
        {
            var network = Network(family, n, parameters, 0);
            var report = Find(network, 128);
            Assert.NotEmpty(report.Points);
            foreach (var point in report.Points)
            {
                // The full system's own residual (f for flows, F − x for maps), not the finder's equation.
                Assert.True(FullResidual(network, point.State) < 1e-9, $"{family} N={n}: residual {FullResidual(network, point.State):E2}");
                Assert.NotEqual(FixedPointStability.Unknown, point.Stability);
                var eigenvalues = IndependentEigenvalues(network, point.State);
                var unstable = network.Time == TimeKind.Continuous
                    ? eigenvalues.Count(l => l.Real > 1e-9)
                    : eigenvalues.Count(l => l.Magnitude > 1.0 + 1e-9);
                var stable = network.Time == TimeKind.Continuous
                    ? eigenvalues.All(l => l.Real < -1e-9)
                    : eigenvalues.All(l => l.Magnitude < 1.0 - 1e-9);
                Assert.Equal(unstable, point.UnstableDirections);
                Assert.Equal(stable, point.Stable);
            }

            Assert.Equal(report.Points.Count(p => p.Stable), report.StableCount);
            Assert.Equal(report.Distinct, report.IndexHistogram.Sum() + report.UnclassifiedCount);
        }
    }

    [Fact]
    public void Gated_fixed_points_have_n_eigenvalues_at_minus_one_over_tau_z()
    {
        // At a fixed point u = 0, so the (h, z) block of D vanishes and the z rows give −1/τ_z N times (§A.2).
        const int n = 6;
        var network = Network(ModelFamily.Gated, n, "gH=4;alphaZ=3;alphaR=1;tauZ=2.5;tauR=0.4", 1);
        var report = FixedPointFinder.Find(
            network, new RandomStream(3), FixedPointOptions.Default with { Starts = 64, KeepEigenvalues = true }, Kernels,
            CancellationToken.None);
        Assert.NotEmpty(report.Points);
        foreach (var point in report.Points)
        {
            Assert.Equal(3 * n, point.Eigenvalues!.Length);
            Assert.Equal(n, point.Eigenvalues.Count(l => Math.Abs(l.Real + (1.0 / 2.5)) < 1e-7 && Math.Abs(l.Imaginary) < 1e-7));
        }
    }

    [Fact]
    public void Counts_do_not_change_when_the_starts_are_doubled()
    {
        foreach (var (family, parameters) in new[] { (ModelFamily.Rate, "g=2"), (ModelFamily.Gru, "gH=4;gR=1") })
        {
            var network = Network(family, 6, parameters, 2);
            var single = Find(network, 256);
            var doubled = Find(network, 512);
            Assert.Equal(single.Distinct, doubled.Distinct);
            Assert.Equal(single.StableCount, doubled.StableCount);
            Assert.Equal(single.IndexHistogram, doubled.IndexHistogram);
        }
    }

    [Theory]
    [InlineData(ModelFamily.Vanilla, "sigmaV2=1;R=1")]
    [InlineData(ModelFamily.Vanilla, "untied=1")]
    [InlineData(ModelFamily.Minimal, "")]
    public void Driven_networks_are_not_applicable(ModelFamily family, string parameters)
    {
        var report = Find(Network(family, 4, parameters, 0), 16);

        Assert.Equal(AnalysisStatus.NotApplicable, report.Outcome.Status);
        Assert.Contains("not autonomous", report.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, report.StartsUsed);
    }

    [Fact]
    public void Cancelled_token_returns_cancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var report = FixedPointFinder.Find(
            Network(ModelFamily.Gated, 4, string.Empty, 0), new RandomStream(1), FixedPointOptions.Default, Kernels, source.Token);

        Assert.Equal(AnalysisStatus.Cancelled, report.Outcome.Status);
        Assert.False(report.Outcome.IsUsable);
    }

    private static FixedPointReport Find(IRecurrentNetwork network, int starts) =>
        FixedPointFinder.Find(
            network, new RandomStream(1), FixedPointOptions.Default with { Starts = starts }, Kernels, CancellationToken.None);

    private static IRecurrentNetwork Network(ModelFamily family, int n, string parameters, int realization)
    {
        var values = parameters.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        return NetworkFactory.Create(
            new NetworkSpec(family, n, values), NetworkStreams.For(7, $"fixed-points/{family}/{n}", realization), Kernels);
    }

    private static double FullResidual(IRecurrentNetwork network, double[] state)
    {
        var value = new double[state.Length];
        network.Evaluate(0, state, value);
        var sum = 0.0;
        for (var i = 0; i < state.Length; i++)
        {
            var g = network.Time == TimeKind.Discrete ? value[i] - state[i] : value[i];
            sum += g * g;
        }

        return Math.Sqrt(sum / state.Length);
    }

    private static System.Numerics.Complex[] IndependentEigenvalues(IRecurrentNetwork network, double[] state)
    {
        var d = network.Dimension;
        var jacobian = new double[d * d];
        network.Jacobian(0, state, jacobian);
        return Matrix<double>.Build.DenseOfRowMajor(d, d, jacobian).Evd().EigenValues.ToArray();
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
