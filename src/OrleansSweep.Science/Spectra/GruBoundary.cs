using System.Numerics;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Spectra;

/// <summary>
/// The spectral boundary of the GRU map's Jacobian at one state (§B.6):
/// 1 = ⟨[g_z²(h̃ − h)²z'² + g_h²z²h̃'²(⟨r²⟩ + g_r²⟨h²⟩⟨r'²⟩)] / |λ − 1 + z|²⟩, z' = z(1 − z), r' = r(1 − r), h̃' = 1 − h̃².
/// </summary>
/// <remarks>
/// From the §A.3 Jacobian [1 − z] + [(h̃ − h)z'] U_z + [z h̃'] U_h([r] + [h r'] U_r) with U_k ~ N(0, g_k²/N) and the
/// §B.1 lemma; column averages factorise as in §B.6. The support is a union of regions around 1 − z_i, all on the
/// positive real axis, so the largest |λ| on it is the rightmost real root: <see cref="RightmostEdge"/> is the
/// predicted spectral radius. Units with z ≈ 0 give eigenvalues ≈ 1 − z (slow modes).
/// </remarks>
public sealed class GruBoundary
{
    private readonly double[] z;
    private readonly double[] weight;

    /// <summary>The boundary from unit arrays (each length N) of a state: h, z, r and h̃.</summary>
    public GruBoundary(
        double gH, double gZ, double gR, ReadOnlySpan<double> h, ReadOnlySpan<double> z, ReadOnlySpan<double> r,
        ReadOnlySpan<double> candidate)
    {
        var n = h.Length;
        if (n == 0 || z.Length != n || r.Length != n || candidate.Length != n)
        {
            throw new ArgumentException("The unit statistics must be non-empty and of equal length.", nameof(h));
        }

        this.z = z.ToArray();
        weight = new double[n];
        double r2 = 0, h2 = 0, rPrime2 = 0;
        for (var i = 0; i < n; i++)
        {
            var rPrime = r[i] * (1 - r[i]);
            r2 += r[i] * r[i];
            h2 += h[i] * h[i];
            rPrime2 += rPrime * rPrime;
        }

        var column = (r2 / n) + (gR * gR * (h2 / n) * (rPrime2 / n));
        for (var i = 0; i < n; i++)
        {
            var zPrime = z[i] * (1 - z[i]);
            var difference = candidate[i] - h[i];
            var slope = 1 - (candidate[i] * candidate[i]);
            weight[i] = (gZ * gZ * difference * difference * zPrime * zPrime) + (gH * gH * z[i] * z[i] * slope * slope * column);
        }
    }

    public int Units => z.Length;

    /// <summary>The boundary of a network's state h, read through <see cref="GruNetwork.Gates"/>.</summary>
    public static GruBoundary FromState(GruNetwork network, ReadOnlySpan<double> state)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.Units;
        var z = new double[n];
        var r = new double[n];
        var candidate = new double[n];
        network.Gates(state, z, r, candidate);
        var p = network.Parameters;
        return new GruBoundary(p["gH"], p["gZ"], p["gR"], state[..n], z, r, candidate);
    }

    /// <summary>The left-hand side F(λ) of the boundary equation; the support is where F ≥ 1.</summary>
    public double Evaluate(Complex lambda)
    {
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            var d = lambda - 1 + z[i];
            sum += weight[i] / ((d.Real * d.Real) + (d.Imaginary * d.Imaginary));
        }

        return sum / z.Length;
    }

    /// <summary>The rightmost real λ with F(λ) = 1 (= the predicted spectral radius).</summary>
    public double RightmostEdge()
    {
        var pole = double.NegativeInfinity;
        for (var i = 0; i < z.Length; i++)
        {
            if (weight[i] > 0)
            {
                pole = Math.Max(pole, 1 - z[i]);
            }
        }

        return double.IsNegativeInfinity(pole) ? double.NaN : RealEdge.RightOf(pole, l => Evaluate(new Complex(l, 0)));
    }

    /// <summary>The number of units with z &lt; ε: each holds its state and gives an eigenvalue ≈ 1 − z (§B.6).</summary>
    public int SlowUnits(double epsilon) => z.Count(value => value < epsilon);

    /// <summary>The prediction at this state; with <paramref name="zeroFixedPoint"/> also the disk about 1 − ⟨z⟩.</summary>
    public RandomMatrixPrediction Predict(double epsilon, bool zeroFixedPoint)
    {
        var edge = RightmostEdge();
        var centre = zeroFixedPoint ? 1 - z.Average() : double.NaN;
        return new RandomMatrixPrediction
        {
            Model = zeroFixedPoint ? RandomMatrixModel.GruZeroFixedPoint : RandomMatrixModel.GruBoundary,
            SpectralAbscissa = edge,
            SpectralRadius = edge,
            BulkEdge = edge,
            DiskCenter = centre,
            DiskRadius = zeroFixedPoint ? edge - centre : double.NaN,
            IsolatedEigenvalues = [],
            SlowModeCount = SlowUnits(epsilon),
        };
    }
}
