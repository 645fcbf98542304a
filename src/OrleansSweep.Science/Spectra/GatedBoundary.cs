using System.Numerics;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.Spectra;

/// <summary>
/// The spectral boundary of the PRX gated Jacobian (3N×3N) at one state, from the empirical unit statistics of that
/// state (§B.2, local-chaos approximation):
/// 1 = A(λ)·[⟨σ_r²⟩ + ⟨σ_r'²⟩⟨φ²⟩/|1 + λτ_r|²] + B(λ)/|1 + λτ_z|², with A(λ) = ⟨φ'²σ_z²/|λ + σ_z|²⟩ and
/// B(λ) = ⟨φ'²σ_z'²u²/|λ + σ_z|²⟩.
/// </summary>
/// <remarks>
/// φ' = g_h(1 − φ²) (the gain sits inside φ, J ~ N(0, 1/N)); σ_z' = α_z σ_z(1 − σ_z); σ_r' = α_r σ_r(1 − σ_r);
/// u = −h + J^h(σ_r ⊙ φ). B is the term present only off fixed points (u ≠ 0). Averages factorise as written in
/// §B.2 (column averages ⟨σ_r²⟩, ⟨σ_r'²⟩⟨φ²⟩ separate from the row average A), as in the brief's reference table.
/// When B ≡ 0 (α_z = 0 or u = 0) the z block decouples and −1/τ_z is an exact N-fold eigenvalue; likewise −1/τ_r when
/// ⟨σ_r'²⟩⟨φ²⟩ = 0; these are reported as isolated eigenvalues.
/// </remarks>
public sealed class GatedBoundary
{
    private readonly double[] sigmaZ;
    private readonly double[] rowWeight;
    private readonly double[] offFixedPointWeight;

    /// <summary>The boundary from unit arrays (each length N) of a state: φ(h), σ_z(z), σ_r(r) and u.</summary>
    public GatedBoundary(
        double gH, double alphaZ, double alphaR, double tauZ, double tauR,
        ReadOnlySpan<double> phi, ReadOnlySpan<double> sigmaZ, ReadOnlySpan<double> sigmaR, ReadOnlySpan<double> u)
    {
        var n = phi.Length;
        if (n == 0 || sigmaZ.Length != n || sigmaR.Length != n || u.Length != n)
        {
            throw new ArgumentException("The unit statistics must be non-empty and of equal length.", nameof(phi));
        }

        TauZ = tauZ;
        TauR = tauR;
        this.sigmaZ = sigmaZ.ToArray();
        rowWeight = new double[n];
        offFixedPointWeight = new double[n];
        double r2 = 0, rPrime2 = 0, phi2 = 0;
        for (var i = 0; i < n; i++)
        {
            var slope = gH * (1 - (phi[i] * phi[i]));
            var sz = sigmaZ[i];
            rowWeight[i] = slope * slope * sz * sz;
            var zPrimeU = alphaZ * sz * (1 - sz) * u[i];
            offFixedPointWeight[i] = slope * slope * zPrimeU * zPrimeU;
            var rPrime = alphaR * sigmaR[i] * (1 - sigmaR[i]);
            r2 += sigmaR[i] * sigmaR[i];
            rPrime2 += rPrime * rPrime;
            phi2 += phi[i] * phi[i];
        }

        MeanSigmaR2 = r2 / n;
        MeanSigmaRPrime2 = rPrime2 / n;
        MeanPhi2 = phi2 / n;
    }

    public int Units => sigmaZ.Length;

    public double TauZ { get; }

    public double TauR { get; }

    /// <summary>⟨σ_r²⟩ over units.</summary>
    public double MeanSigmaR2 { get; }

    /// <summary>⟨σ_r'²⟩ over units.</summary>
    public double MeanSigmaRPrime2 { get; }

    /// <summary>⟨φ²⟩ over units.</summary>
    public double MeanPhi2 { get; }

    /// <summary>True when B ≡ 0 (at a fixed point, or α_z = 0).</summary>
    public bool OffFixedPointTermVanishes => offFixedPointWeight.All(w => w == 0);

    /// <summary>The boundary of a network's state (h, z, r), read through <see cref="GatedNetwork.Gates"/>.</summary>
    public static GatedBoundary FromState(GatedNetwork network, ReadOnlySpan<double> state)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.Units;
        var phi = new double[n];
        var sz = new double[n];
        var sr = new double[n];
        var u = new double[n];
        network.Gates(state, phi, sz, sr, u);
        var p = network.Parameters;
        return new GatedBoundary(p["gH"], p["alphaZ"], p["alphaR"], p["tauZ"], p["tauR"], phi, sz, sr, u);
    }

    /// <summary>The left-hand side F(λ) of the boundary equation; the support is where F ≥ 1.</summary>
    public double Evaluate(Complex lambda)
    {
        double a = 0, b = 0;
        for (var i = 0; i < sigmaZ.Length; i++)
        {
            var d = lambda + sigmaZ[i];
            var inverse = 1.0 / ((d.Real * d.Real) + (d.Imaginary * d.Imaginary));
            a += rowWeight[i] * inverse;
            b += offFixedPointWeight[i] * inverse;
        }

        a /= sigmaZ.Length;
        b /= sigmaZ.Length;
        var r = 1 + (lambda * TauR);
        var z = 1 + (lambda * TauZ);
        var bracket = MeanSigmaR2 + (MeanSigmaRPrime2 * MeanPhi2 / ((r.Real * r.Real) + (r.Imaginary * r.Imaginary)));
        return (a * bracket) + (b / ((z.Real * z.Real) + (z.Imaginary * z.Imaginary)));
    }

    /// <summary>The rightmost real λ with F(λ) = 1, searched right of every pole that carries weight.</summary>
    public double RightmostEdge()
    {
        var pole = double.NegativeInfinity;
        for (var i = 0; i < sigmaZ.Length; i++)
        {
            if (rowWeight[i] > 0 || offFixedPointWeight[i] > 0)
            {
                pole = Math.Max(pole, -sigmaZ[i]);
            }
        }

        if (double.IsNegativeInfinity(pole))
        {
            return double.NaN;
        }

        if (MeanSigmaRPrime2 * MeanPhi2 > 0 && TauR > 0)
        {
            pole = Math.Max(pole, -1.0 / TauR);
        }

        if (!OffFixedPointTermVanishes)
        {
            pole = Math.Max(pole, -1.0 / TauZ);
        }

        return RealEdge.RightOf(pole, l => Evaluate(new Complex(l, 0)));
    }

    /// <summary>The number of units with σ_z &lt; ε: each contributes an eigenvalue ≈ −σ_z ≈ 0 (§B.2 item 2).</summary>
    public int SlowUnits(double epsilon) => sigmaZ.Count(s => s < epsilon);

    /// <summary>
    /// The prediction at this state. With <paramref name="zeroFixedPoint"/> (h ≈ 0, homogeneous units) the support is
    /// also reported as the disk centred at −⟨σ_z⟩ reaching the edge (§B.2 item 1).
    /// </summary>
    public RandomMatrixPrediction Predict(double epsilon, bool zeroFixedPoint)
    {
        var edge = RightmostEdge();
        var isolated = new List<double>();
        if (OffFixedPointTermVanishes)
        {
            isolated.Add(-1.0 / TauZ);
        }

        if (TauR == 0)
        {
            // Adiabatic reset gate: the r slot is a unit-time-constant follower nothing reads, N eigenvalues at −1.
            isolated.Add(-1.0);
        }
        else if (MeanSigmaRPrime2 * MeanPhi2 == 0)
        {
            isolated.Add(-1.0 / TauR);
        }

        var centre = zeroFixedPoint ? -sigmaZ.Average() : double.NaN;
        var abscissa = isolated.Count == 0 ? edge : Math.Max(edge, isolated.Max());
        return new RandomMatrixPrediction
        {
            Model = zeroFixedPoint ? RandomMatrixModel.GatedZeroFixedPoint : RandomMatrixModel.GatedBoundary,
            SpectralAbscissa = double.IsNaN(edge) ? isolated.DefaultIfEmpty(double.NaN).Max() : abscissa,
            SpectralRadius = zeroFixedPoint
                ? Math.Max(Math.Abs(centre) + (edge - centre), isolated.Select(Math.Abs).DefaultIfEmpty(0).Max())
                : double.NaN,
            BulkEdge = edge,
            DiskCenter = centre,
            DiskRadius = zeroFixedPoint ? edge - centre : double.NaN,
            IsolatedEigenvalues = isolated,
            SlowModeCount = SlowUnits(epsilon),
        };
    }
}
