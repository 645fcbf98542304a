namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The model-specific part of a Gaussian DMFT (§B.3–B.4): for a trial Δ0, the force ν(Δ) of the particle equation
/// Δ'' = Δ − ν(Δ) and its derivative K(Δ) = dν/dΔ, the potential of H = −d²/dτ² − K.
/// </summary>
internal interface IGaussianDmftKernel
{
    /// <summary>An upper bound on any admissible Δ0 (from Δ0²/2 = ∫ν ≤ Δ0·max ν).</summary>
    double MaximumDelta0 { get; }

    /// <summary>lim_{Δ0→0} K(0): the squared effective gain of the zero fixed point (g², or (g_h σ(b_r))²).</summary>
    double ZeroLimitSlope { get; }

    /// <summary>ν(Δ_i) and K(Δ_i) for 0 ≤ Δ_i ≤ Δ0 at the given Δ0.</summary>
    void Evaluate(double delta0, ReadOnlySpan<double> deltas, Span<double> nu, Span<double> slope);
}
