using System.Numerics;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Spectra;

namespace OrleansSweep.Science.Tests.Spectra;

/// <summary>The random-matrix boundaries of §B.1, §B.2 and §B.6 as functions of unit statistics (no eigensolves).</summary>
public sealed class RandomMatrixTests
{
    [Theory]
    [InlineData(1.5, 0.0, 0.0, 1.0, 1.0)]
    [InlineData(1.5, 1.0, -0.5, 2.0, 0.5)]
    [InlineData(3.0, -2.0, 1.0, 1.0, 3.0)]
    public void Gated_boundary_at_the_origin_is_the_zero_fixed_point_disk(double gH, double bZ, double bR, double tauZ, double tauR)
    {
        const int n = 50;
        var sZ = Sigmoid(bZ);
        var sR = Sigmoid(bR);
        var boundary = new GatedBoundary(gH, 7.0, 9.0, tauZ, tauR, new double[n], Fill(n, sZ), Fill(n, sR), new double[n]);

        var prediction = boundary.Predict(0.01, zeroFixedPoint: true);
        var analytic = RandomMatrix.GatedZeroFixedPoint(gH, bZ, bR, tauZ, tauR);

        // With φ = 0 and u = 0 the B term and the r-gate term vanish: −1/τ_z and −1/τ_r decouple exactly.
        Assert.Equal(-sZ + (sZ * sR * gH), boundary.RightmostEdge(), 1e-10);
        Assert.Equal(analytic.DiskCenter, prediction.DiskCenter, 1e-12);
        Assert.Equal(analytic.DiskRadius, prediction.DiskRadius, 1e-10);
        Assert.Equal(analytic.SpectralAbscissa, prediction.SpectralAbscissa, 1e-10);
        Assert.Equal(analytic.IsolatedEigenvalues.Order(), prediction.IsolatedEigenvalues.Order());
        Assert.Equal(RandomMatrixModel.GatedZeroFixedPoint, prediction.Model);
    }

    [Fact]
    public void Gated_boundary_equals_one_at_its_edge_and_decreases_to_the_right()
    {
        var (phi, sZ, sR, u) = RandomUnits(200, 3);
        var boundary = new GatedBoundary(3.0, 10.0, 10.0, 1.0, 1.0, phi, sZ, sR, u);

        var edge = boundary.RightmostEdge();

        Assert.Equal(1.0, boundary.Evaluate(edge), 1e-9);
        Assert.True(boundary.Evaluate(edge + 0.01) < 1.0);
        Assert.True(boundary.Evaluate(edge - 0.01) > 1.0);
        Assert.True(edge > -sZ.Min(), "the edge lies right of every pole −σ_z,i");
        Assert.False(boundary.OffFixedPointTermVanishes);
        Assert.Empty(boundary.Predict(0.01, zeroFixedPoint: false).IsolatedEigenvalues);
    }

    [Fact]
    public void Off_fixed_point_term_and_output_gate_gain_push_the_edge_right()
    {
        // B ≥ 0 (present only off fixed points) and ⟨σ_r'²⟩ ∝ α_r² (§B.2 item 4) only add to F, so the edge moves right.
        var (phi, sZ, sR, u) = RandomUnits(200, 5);
        var atFixedPoint = new GatedBoundary(3.0, 10.0, 0.0, 1.0, 1.0, phi, sZ, sR, new double[200]).RightmostEdge();
        var offFixedPoint = new GatedBoundary(3.0, 10.0, 0.0, 1.0, 1.0, phi, sZ, sR, u).RightmostEdge();
        var withOutputGain = new GatedBoundary(3.0, 10.0, 10.0, 1.0, 1.0, phi, sZ, sR, u).RightmostEdge();

        Assert.True(offFixedPoint > atFixedPoint, $"{offFixedPoint} vs {atFixedPoint}");
        Assert.True(withOutputGain > offFixedPoint, $"{withOutputGain} vs {offFixedPoint}");
    }

    [Fact]
    public void Gated_boundary_counts_units_with_a_nearly_closed_update_gate()
    {
        var sZ = new[] { 0.001, 0.005, 0.02, 0.5, 0.009 };
        var boundary = new GatedBoundary(3.0, 10.0, 0.0, 1.0, 1.0, Fill(5, 0.3), sZ, Fill(5, 0.5), Fill(5, 0.1));

        Assert.Equal(3, boundary.SlowUnits(0.01));
        Assert.Equal(3.0, boundary.Predict(0.01, zeroFixedPoint: false).SlowModeCount);
    }

    [Theory]
    [InlineData(1.5, 0.0, 0.0)]
    [InlineData(0.8, -1.0, 2.0)]
    public void Gru_boundary_at_the_origin_is_the_zero_fixed_point_disk(double gH, double bZ, double bR)
    {
        const int n = 40;
        var boundary = new GruBoundary(gH, 10.0, 10.0, new double[n], Fill(n, Sigmoid(bZ)), Fill(n, Sigmoid(bR)), new double[n]);

        var prediction = boundary.Predict(0.01, zeroFixedPoint: true);
        var analytic = RandomMatrix.GruZeroFixedPoint(gH, bZ, bR);

        Assert.Equal(analytic.DiskCenter, prediction.DiskCenter, 1e-12);
        Assert.Equal(analytic.DiskRadius, prediction.DiskRadius, 1e-10);
        Assert.Equal(analytic.SpectralRadius, prediction.SpectralRadius, 1e-10);
        Assert.Equal(Math.Log(analytic.SpectralRadius), RandomMatrix.GruZeroFixedPointExponent(gH, bZ, bR), 1e-12);
    }

    [Fact]
    public void Gru_boundary_equals_one_at_its_edge_and_counts_holding_units()
    {
        var random = new RandomStream(8);
        var n = 100;
        var h = Draw(random, n, x => 0.5 * x);
        var z = Draw(random, n, x => Sigmoid(3 * x - 1));
        var r = Draw(random, n, x => Sigmoid(x));
        var candidate = Draw(random, n, Math.Tanh);
        var boundary = new GruBoundary(3.0, 2.0, 2.0, h, z, r, candidate);

        var edge = boundary.RightmostEdge();

        Assert.Equal(1.0, boundary.Evaluate(new Complex(edge, 0)), 1e-9);
        Assert.True(edge > 1 - z.Min());
        Assert.Equal(z.Count(v => v < 0.05), boundary.SlowUnits(0.05));
    }

    [Fact]
    public void Disk_radii_follow_the_circular_law()
    {
        Assert.Equal(2.5, RandomMatrix.CircularLawRadius(2.5));
        Assert.Equal(2.0 * Math.Sqrt((0.25 + 1.0) / 2), RandomMatrix.ScaledDiskRadius(2.0, [0.5, 1.0]), 1e-15);
        Assert.Equal(-0.125, RandomMatrix.GatedZeroFixedPointExponent(1.5, 0, 0, 1, 1), 1e-15);
        Assert.Equal(Math.Log(0.875), RandomMatrix.GruZeroFixedPointExponent(1.5, 0, 0), 1e-15);
    }

    private static (double[] Phi, double[] SigmaZ, double[] SigmaR, double[] U) RandomUnits(int n, ulong seed)
    {
        var random = new RandomStream(seed);
        return (
            Draw(random, n, x => Math.Tanh(2 * x)),
            Draw(random, n, x => Sigmoid(5 * x)),
            Draw(random, n, x => Sigmoid(3 * x)),
            Draw(random, n, x => 0.5 * x));
    }

    private static double[] Draw(RandomStream random, int n, Func<double, double> map)
    {
        var values = new double[n];
        random.FillGaussian(values);
        return values.Select(map).ToArray();
    }

    private static double[] Fill(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
