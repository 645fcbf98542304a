namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// A parameter point of the PRX gated RNN (§A.2) for the sampled DMFT: φ(h) = tanh(g_h h + β_h),
/// σ_z(z) = σ(α_z z + b_z), σ_r(r) = σ(α_r r + b_r) (biases inside the sigmoid, PRX β_k = −b_k), gate time constants
/// τ_z, τ_r in units of τ_h = 1.
/// </summary>
/// <remarks>τ_z = 0 or τ_r = 0 means an instantaneous gate (z = η_z, r = η_r), the τ → 0 limit of §A.2.</remarks>
public sealed record SampledDmftParameters(
    double GH, double AlphaZ = 0, double BZ = 0, double AlphaR = 0, double BR = 0, double TauZ = 1, double TauR = 1, double BetaH = 0)
{
    /// <summary>The point from a resolved gated parameter set (names of <c>ModelCatalog</c>: gH, alphaZ, …).</summary>
    public static SampledDmftParameters FromResolved(IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SampledDmftParameters(
            parameters["gH"], parameters["alphaZ"], parameters["bZ"], parameters["alphaR"], parameters["bR"],
            parameters["tauZ"], parameters["tauR"], parameters["betaH"]);
    }

    /// <summary>Throws for negative gains or time constants and non-finite values (caller errors).</summary>
    public void Validate()
    {
        foreach (var (value, name) in new[] { (GH, nameof(GH)), (AlphaZ, nameof(AlphaZ)), (AlphaR, nameof(AlphaR)), (TauZ, nameof(TauZ)), (TauR, nameof(TauR)) })
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "Gains and time constants must be finite and ≥ 0.");
            }
        }

        foreach (var (value, name) in new[] { (BZ, nameof(BZ)), (BR, nameof(BR)), (BetaH, nameof(BetaH)) })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "Biases must be finite.");
            }
        }
    }
}
