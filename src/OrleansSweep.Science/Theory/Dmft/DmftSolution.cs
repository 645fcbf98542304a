namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The stationary solution of a Gaussian DMFT (§B.3) and its maximum Lyapunov exponent (§B.4).
/// </summary>
/// <param name="Delta0">Δ0 = Δ(0): the single-site variance (⟨x²⟩ for SCS, ⟨h²⟩ for the gated model); 0 without a
/// chaotic solution.</param>
/// <param name="LyapunovMax">λ_max in units of the h time constant (τ_h = 1). With a chaotic solution it is
/// σ(b_z)·(−1 + √(−E_0)) (σ(b_z) = 1 for SCS) and positive; without one it is the zero fixed point's exponent
/// (SCS: −1 + g; gated h-block: σ(b_z)(−1 + g_h σ(b_r))).</param>
/// <param name="GroundStateEnergy">E_0 of H = −d²/dτ² − K(τ) (NaN without a chaotic solution).</param>
/// <param name="ZeroModeEnergy">E_1, the first excited level. Δ'(τ) is an exact eigenfunction with energy −1
/// (differentiate Δ'' = Δ − ν(Δ) and use K = dν/dΔ), so E_1 ≈ −1 checks the whole solution.</param>
/// <param name="IsChaotic">whether a non-zero admissible Δ0 exists (the largest root is reported).</param>
/// <param name="Outcome">Converged, or why not (NotConverged, Cancelled) with the reason.</param>
public sealed record DmftSolution(
    double Delta0, double LyapunovMax, double GroundStateEnergy, double ZeroModeEnergy, bool IsChaotic, AnalysisOutcome Outcome)
{
    internal static DmftSolution Quiescent(double zeroFixedPointExponent) =>
        new(0, zeroFixedPointExponent, double.NaN, double.NaN, false, AnalysisOutcome.Converged);

    internal static DmftSolution Failed(AnalysisOutcome outcome) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, false, outcome);
}
