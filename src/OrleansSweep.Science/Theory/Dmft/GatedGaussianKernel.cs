using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The gated RNN with α_z = 0 and τ_r → 0 (§B.3 "Gaussian special case", §B.4), h in its own units:
/// <code>
///  C_φ(Δ)  = E[φ(h1)φ(h2)],  φ(h) = tanh(g_h h),  Var h = Δ0, Cov = Δ;   C_φ'(Δ) = dC_φ/dΔ = g_h² E[φ̃'φ̃']
///  C_σr(Δ) = E[σ_r(y1)σ_r(y2)],  σ_r(y) = σ(α_r y + b_r),  Var y = C_φ(Δ0), Cov = C_φ(Δ);  C_σr' likewise with σ_r'
///  ν = C_σr·C_φ,   K = dν/dΔ = C_σr·C_φ' + C_σr'·C_φ·C_φ'   (σ_r' = α_r σ_r(1−σ_r))
/// </code>
/// For α_r = 0, C_σr = σ(b_r)² and this is SCS with g = g_h σ(b_r) after x = g_h h (§A.2).
/// </summary>
internal sealed class GatedGaussianKernel(double gH, double alphaR, double bR) : IGaussianDmftKernel
{
    private readonly double restingGate = Logistic(bR);
    private readonly Lazy<double> maximumDelta0 = new(() => Bound(alphaR, bR));

    /// <summary>
    /// Δ0²/2 = ∫ν ≤ Δ0·max ν and ν = C_σr·C_φ ≤ E[σ_r²]_Q·Q with Q = C_φ(Δ0) ≤ 1 (Cauchy–Schwarz), so
    /// Δ0 ≤ 2 max_{Q≤1} Q·E[σ_r²]_Q (×1.25 for the 33-point grid). A nearly closed gate (b_r ≪ 0) thus keeps the
    /// search — and the quadrature slopes g_h√Δ0 — small even when g_h is large.
    /// </summary>
    public double MaximumDelta0 => maximumDelta0.Value;

    public double ZeroLimitSlope => gH * gH * restingGate * restingGate;

    public void Evaluate(double delta0, ReadOnlySpan<double> deltas, Span<double> nu, Span<double> slope)
    {
        var g2 = gH * gH;
        var gateVariance = GaussianPairKernels.Tanh(0, g2 * delta0, g2 * delta0).Product;
        for (var i = 0; i < deltas.Length; i++)
        {
            var phi = GaussianPairKernels.Tanh(0, g2 * delta0, g2 * deltas[i]);
            var cPhi = phi.Product;
            var cPhiPrime = g2 * phi.SlopeProduct;
            double cSigma, cSigmaPrime;
            if (alphaR == 0)
            {
                cSigma = restingGate * restingGate;
                cSigmaPrime = 0;
            }
            else
            {
                var a2 = alphaR * alphaR;
                var gate = GaussianPairKernels.Logistic(bR, a2 * gateVariance, a2 * Math.Min(cPhi, gateVariance));
                cSigma = gate.Product;
                cSigmaPrime = a2 * gate.SlopeProduct;
            }

            nu[i] = cSigma * cPhi;
            slope[i] = cSigma * cPhiPrime + cSigmaPrime * cPhi * cPhiPrime;
        }
    }

    internal static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Bound(double alphaR, double bR)
    {
        double largest = 0;
        for (var i = 1; i <= 32; i++)
        {
            var q = i / 32.0;
            var variance = alphaR * alphaR * q;
            largest = Math.Max(largest, q * GaussianPairKernels.Logistic(bR, variance, variance).Product);
        }

        return Math.Min(2, 2.5 * largest);
    }
}
