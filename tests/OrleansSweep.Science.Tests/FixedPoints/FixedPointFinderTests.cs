using OrleansSweep.Science.FixedPoints;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.FixedPoints;

/// <summary>The finder on small systems whose fixed points are known in closed form or by bisection.</summary>
public class FixedPointFinderTests
{
    private static readonly IDenseKernels Kernels = DenseKernels.Managed;

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void Scalar_tanh_map_has_only_the_origin_for_gain_at_most_one(double w)
    {
        var report = Find(new ScalarTanhMap(w), 64, seed: 1);

        Assert.Equal(AnalysisStatus.Converged, report.Outcome.Status);
        var point = Assert.Single(report.Points);
        // At w = 1 the origin is degenerate (G = tanh h − h ≈ −h³/3, J_G = −tanh²h → 0): Newton converges only linearly
        // (ratio 2/3). The finder extrapolates the geometric series and insists on a small Newton step as well as a
        // small residual; on the residual alone, starts would stop at |h| ≈ (3·1e-10)^(1/3) ≈ 7e-4 on both sides and
        // count as several points. Once J_G rounds to 0 (|h| < 1e-8) the point is accepted with PositionError NaN.
        Assert.True(Math.Abs(point.State[0]) < 1e-6, $"w={w}: origin found at {point.State[0]:R}");
        Assert.Equal(64, report.ConvergedStarts);
        if (w < 1.0)
        {
            Assert.Equal(FixedPointStability.Stable, point.Stability);
            Assert.Equal(w, point.LeadingEigenvalue.Real, 1e-12);
        }
        else
        {
            // λ = w(1 − tanh²) = 1 at the origin: marginal, neither stable nor unstable.
            Assert.Equal(FixedPointStability.Marginal, point.Stability);
            Assert.Equal(0, point.UnstableDirections);
        }
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void Scalar_tanh_map_has_two_stable_points_and_an_unstable_origin_above_gain_one(double w)
    {
        var report = Find(new ScalarTanhMap(w), 64, seed: 2);
        var root = Roots.PositiveTanhRoot(1.0, w);

        Assert.Equal(3, report.Distinct);
        Assert.Equal(2, report.StableCount);
        Assert.Equal([2, 1], report.IndexHistogram);
        var values = report.Points.Select(p => p.State[0]).Order().ToArray();
        Assert.Equal(-root, values[0], 1e-12);
        Assert.Equal(0.0, values[1], 1e-12);
        Assert.Equal(root, values[2], 1e-12);
        var origin = report.Points.Single(p => Math.Abs(p.State[0]) < 1e-6);
        Assert.Equal(FixedPointStability.Unstable, origin.Stability);
        Assert.Equal(w, origin.LeadingEigenvalue.Real, 1e-12);
    }

    [Theory]
    [InlineData(2, 2.0)]
    [InlineData(3, 2.0)]
    [InlineData(3, 1.3)]
    public void Decoupled_tanh_flow_has_three_to_the_n_points_with_the_all_nonzero_ones_stable(int n, double w)
    {
        // Starts at the scale of the fixed points (x* ≈ 1–2): from scale 0.1 almost every start falls to the origin.
        var flow = TanhFlow.Decoupled(w, n);
        var report = Find(flow, 512, seed: (ulong)(10 * n), [1.0, 2.0]);
        var root = Roots.PositiveTanhRoot(w, 1.0);

        Assert.Equal((int)Math.Pow(3, n), report.Distinct);
        Assert.Equal(1 << n, report.StableCount);
        foreach (var point in report.Points)
        {
            // Each component is 0 or ±x*; the index (unstable directions) is the number of zero components, since
            // ∂f_i/∂x_i = −1 + w at 0 (> 0) and −1 + w(1 − tanh² x*) < 0 at ±x*.
            var zeros = 0;
            foreach (var component in point.State)
            {
                var distance = Math.Min(Math.Abs(component), Math.Abs(Math.Abs(component) - root));
                Assert.True(distance < 1e-10, $"component {component:R} is neither 0 nor ±{root:R}");
                zeros += Math.Abs(component) < 1e-6 ? 1 : 0;
            }

            Assert.Equal(zeros, point.UnstableDirections);
            Assert.Equal(zeros == 0, point.Stable);
            Assert.True(point.Residual < 1e-10);
        }

        // Index histogram = binomial counts C(n, k)·2^(n−k).
        for (var k = 0; k <= n; k++)
        {
            Assert.Equal(Binomial(n, k) << (n - k), report.IndexHistogram[k]);
        }
    }

    [Fact]
    public void Counts_do_not_change_when_the_starts_are_doubled()
    {
        var flow = TanhFlow.Decoupled(1.8, 3);
        var single = Find(flow, 256, seed: 5, [1.0, 2.0]);
        var doubled = Find(flow, 512, seed: 5, [1.0, 2.0]);

        Assert.Equal(27, single.Distinct);
        Assert.Equal(single.Distinct, doubled.Distinct);
        Assert.Equal(single.StableCount, doubled.StableCount);
        Assert.Equal(single.IndexHistogram, doubled.IndexHistogram);
        Assert.Equal(0, doubled.Singletons);
        Assert.False(doubled.LikelyIncomplete);
    }

    [Fact]
    public void Slow_points_are_counted_and_rejected()
    {
        // dx/dt = x² + 0.1 never vanishes: every start slides to the minimum of q at the origin.
        var report = Find(new SaddleNodeGhostFlow(0.1), 32, seed: 3);

        Assert.Equal(AnalysisStatus.NotConverged, report.Outcome.Status);
        Assert.Equal(0, report.Distinct);
        Assert.Equal(32, report.SlowPointsRejected + report.FailedStarts);
        Assert.True(report.SlowPointsRejected >= 24, $"slow points {report.SlowPointsRejected}, failed {report.FailedStarts}");
    }

    [Fact]
    public void Cancellation_before_the_search_returns_cancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var report = FixedPointFinder.Find(
            new ScalarTanhMap(2.0), null, null, new RandomStream(1), FixedPointOptions.Default, Kernels, source.Token);

        Assert.Equal(AnalysisStatus.Cancelled, report.Outcome.Status);
        Assert.Equal(0, report.StartsUsed);
    }

    [Fact]
    public void Cancellation_during_the_search_stops_it_and_keeps_the_partial_counts()
    {
        using var source = new CancellationTokenSource();
        var flow = new TanhFlow([2.0, 0.5, -0.5, 2.0], 2) { OnEvaluate = count => { if (count == 2000) { source.Cancel(); } } };
        var report = FixedPointFinder.Find(
            flow, null, null, new RandomStream(9), FixedPointOptions.Default with { Starts = 100_000 }, Kernels, source.Token);

        Assert.Equal(AnalysisStatus.Cancelled, report.Outcome.Status);
        Assert.InRange(report.StartsUsed, 1, 1999);
        Assert.Empty(report.Points);
        Assert.True(flow.Evaluations < 2100, $"{flow.Evaluations} evaluations after cancellation at 2000");
    }

    [Fact]
    public void Start_kinds_interleave_and_every_kind_sees_every_scale()
    {
        var options = FixedPointOptions.Default with { TrajectoryStartFraction = 0.25, StartScales = [0.1, 1.0] };
        var kinds = Enumerable.Range(0, 400).Select(k => FixedPointFinder.IsTrajectoryStart(k, 0.25)).ToArray();
        Assert.Equal(100, kinds.Count(t => t));

        var trajectoryScales = Enumerable.Range(0, 400).Where(k => kinds[k]).Select(k => FixedPointFinder.ScaleOf(k, options));
        var randomScales = Enumerable.Range(0, 400).Where(k => !kinds[k]).Select(k => FixedPointFinder.ScaleOf(k, options));
        Assert.Equal(50, trajectoryScales.Count(s => s == 0.1));
        Assert.Equal(150, randomScales.Count(s => s == 0.1));
    }

    private static FixedPointReport Find(IDynamicalSystem system, int starts, ulong seed, double[]? scales = null) =>
        FixedPointFinder.Find(
            system, null, null, new RandomStream(seed),
            FixedPointOptions.Default with { Starts = starts, StartScales = scales ?? FixedPointOptions.Default.StartScales },
            Kernels, CancellationToken.None);

    private static int Binomial(int n, int k) =>
        k == 0 ? 1 : Binomial(n - 1, k - 1) * n / k;
}
