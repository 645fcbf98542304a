namespace OrleansSweep.Science.Spectra;

/// <summary>Closed-form random-matrix predictions (N → ∞) used as baselines (§B.1, §B.2 item 1, §B.6).</summary>
/// <remarks>
/// At finite N the outermost eigenvalue typically overshoots these edges by a few per cent (2–4 % at N = 1000 for
/// the circular law, §B.1); tests use asymmetric bands such as ρ/g ∈ [0.98, 1.06].
/// </remarks>
public static class RandomMatrix
{
    /// <summary>Circular law: an N×N matrix with i.i.d. N(0, g²/N) entries has its eigenvalues uniform in |λ| ≤ g.</summary>
    public static double CircularLawRadius(double g) => Math.Abs(g);

    /// <summary>
    /// §B.1 lemma for [b] X with X ~ N(0, g²/N): a disk of radius g ⟨b²⟩^½ (SCS at a state: b = φ'(x), centre −1;
    /// vanilla map: b = φ'(e), centre 0).
    /// </summary>
    public static double ScaledDiskRadius(double g, ReadOnlySpan<double> rowScale)
    {
        var sum = 0.0;
        foreach (var b in rowScale)
        {
            sum += b * b;
        }

        return Math.Abs(g) * Math.Sqrt(sum / rowScale.Length);
    }

    /// <summary>
    /// Gated zero fixed point (β_h = 0, §B.2 item 1): eigenvalues −1/τ_z and −1/τ_r (each N-fold) and a disk centred at
    /// −σ(b_z) with radius σ(b_z)σ(b_r)g_h; stable iff g_h σ(b_r) &lt; 1.
    /// </summary>
    public static RandomMatrixPrediction GatedZeroFixedPoint(double gH, double bZ, double bR, double tauZ, double tauR)
    {
        var sZ = Sigmoid(bZ);
        var radius = sZ * Sigmoid(bR) * gH;
        // τ_r = 0 (adiabatic reset gate): the r slot is a unit-time-constant follower, eigenvalue −1.
        var isolated = new[] { -1.0 / tauZ, tauR > 0 ? -1.0 / tauR : -1.0 };
        return new RandomMatrixPrediction
        {
            Model = RandomMatrixModel.GatedZeroFixedPoint,
            SpectralAbscissa = Math.Max(-sZ + radius, isolated.Max()),
            SpectralRadius = Math.Max(sZ + radius, isolated.Select(Math.Abs).Max()),
            BulkEdge = -sZ + radius,
            DiskCenter = -sZ,
            DiskRadius = radius,
            IsolatedEigenvalues = isolated,
            SlowModeCount = double.NaN,
        };
    }

    /// <summary>
    /// GRU zero fixed point (b_h = 0, §B.6): a disk centred at 1 − σ(b_z) with radius σ(b_z)σ(b_r)g_h, so
    /// λ_max per step = ln(1 − s_z + s_z s_r g_h) when g_h σ(b_r) &lt; 1.
    /// </summary>
    public static RandomMatrixPrediction GruZeroFixedPoint(double gH, double bZ, double bR)
    {
        var sZ = Sigmoid(bZ);
        var radius = sZ * Sigmoid(bR) * gH;
        return new RandomMatrixPrediction
        {
            Model = RandomMatrixModel.GruZeroFixedPoint,
            SpectralAbscissa = 1 - sZ + radius,
            SpectralRadius = Math.Abs(1 - sZ) + radius,
            BulkEdge = 1 - sZ + radius,
            DiskCenter = 1 - sZ,
            DiskRadius = radius,
            IsolatedEigenvalues = [],
            SlowModeCount = double.NaN,
        };
    }

    /// <summary>λ_max per step of the GRU at its zero fixed point: ln(1 − s_z + s_z s_r g_h) (§D case 14).</summary>
    public static double GruZeroFixedPointExponent(double gH, double bZ, double bR) =>
        Math.Log(1 - Sigmoid(bZ) + (Sigmoid(bZ) * Sigmoid(bR) * gH));

    /// <summary>λ_max of the gated flow at its zero fixed point: −σ(b_z)(1 − g_h σ(b_r)) (§D case 5), capped by −1/τ.</summary>
    public static double GatedZeroFixedPointExponent(double gH, double bZ, double bR, double tauZ, double tauR) =>
        Math.Max(-Sigmoid(bZ) * (1 - (gH * Sigmoid(bR))), Math.Max(-1.0 / tauZ, -1.0 / tauR));

    internal static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
}
