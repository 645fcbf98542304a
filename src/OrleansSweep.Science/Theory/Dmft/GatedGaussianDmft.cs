namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// Gaussian DMFT of the PRX gated RNN in the special case α_z = 0, τ_r → 0 (§B.3, §B.4), with β_h = 0.
/// </summary>
/// <remarks>
/// <para>
/// With α_z = 0 the update gate is the constant σ(b_z), which only rescales time; with τ_r → 0 the r-gate input is
/// instantaneous, r = J^r φ(h), so h stays Gaussian and its autocorrelation obeys Δ'' = Δ − C_σr(Δ)C_φ(Δ) in units of
/// 1/σ(b_z) (see <see cref="GatedGaussianKernel"/>). Δ0 = ⟨h²⟩ is the largest admissible root of
/// ∫_0^{Δ0}[Δ − C_σr C_φ]dΔ = 0, and λ_max = σ(b_z)(−1 + √(−E_0)) with K = C_σr C_φ' + C_σr' C_φ C_φ'.
/// </para>
/// <para>
/// Approximation: for τ_r &gt; 0 the r-gate low-pass filters its input and the theory is only an approximation
/// (§B.5 [NUM]: with τ_r = 1 the chaos persists with a somewhat smaller λ_max). α_z &gt; 0 makes h non-Gaussian and
/// needs the sampled DMFT of §B.3, which this class does not do.
/// </para>
/// <para>
/// For α_r = 0 this is exactly SCS with g = g_h σ(b_r) (⟨h²⟩ = Δ_SCS/g_h², λ = σ(b_z)λ_SCS; case 4 of §D:
/// g_h = 4, b = 0 → ⟨h²⟩ = 0.12030, λ_max = 0.05623). Without a chaotic solution λ_max is the h-block zero fixed
/// point's exponent σ(b_z)(−1 + g_h σ(b_r)). Accuracy: Δ0 ~10⁻¹⁰; λ_max ~10⁻⁶ (halving the τ step moves it by
/// ≤ 1.1·10⁻⁶; the zero-mode level E_1 = −1 is reproduced to ≤ 4·10⁻⁵ over g_h ≤ 10, α_r ≤ 20, −4 ≤ b_r ≤ 2).
/// Cost: 17–35 tables of 33 Lobatto points (two 2-D integrals each) plus the spectrum: 15–160 ms per solve on the
/// S1/S3 ranges (one core).
/// </para>
/// </remarks>
public static class GatedGaussianDmft
{
    /// <summary>Δ0 = ⟨h²⟩ and λ_max (units of τ_h = 1) at the given gains and biases.</summary>
    public static DmftSolution Solve(double gH, double alphaR, double bR, double bZ, DmftOptions? options = null, CancellationToken ct = default)
    {
        if (!(gH >= 0) || !(alphaR >= 0) || !double.IsFinite(gH) || !double.IsFinite(alphaR) || !double.IsFinite(bR) || !double.IsFinite(bZ))
        {
            throw new ArgumentOutOfRangeException(nameof(gH), "Gains must be finite and ≥ 0, biases finite.");
        }

        var timeScale = GatedGaussianKernel.Logistic(bZ);
        var zeroExponent = timeScale * (-1 + gH * GatedGaussianKernel.Logistic(bR));
        if (gH == 0)
        {
            return DmftSolution.Quiescent(zeroExponent);
        }

        return GaussianDmftSolver.Solve(new GatedGaussianKernel(gH, alphaR, bR), null, options ?? DmftOptions.Default, timeScale, zeroExponent, ct);
    }

    /// <summary>Whether a chaotic (non-zero Δ0) solution exists at g_h — the test behind <see cref="ChaosOnset"/>.</summary>
    public static bool HasChaoticSolution(double gH, double alphaR, double bR, DmftOptions? options = null, CancellationToken ct = default) =>
        gH > 0 && GaussianDmftSolver.HasChaoticSolution(new GatedGaussianKernel(gH, alphaR, bR), options ?? DmftOptions.Default, ct);
}
