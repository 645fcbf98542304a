namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>
/// Mean-field signal propagation of a CPS cell (§B.7) at its stable fixed point.
/// </summary>
/// <param name="QStar">q*: variance of the pre-activation e (its mean is μ_b).</param>
/// <param name="StateSecondMoment">Q* = ⟨h²⟩ for the minimalRNN; null for the vanilla RNN (there ⟨h²⟩ = ⟨φ(e)²⟩).</param>
/// <param name="Chi">χ_1 (vanilla) or χ (minimalRNN): mean squared singular value of the one-step Jacobian.</param>
/// <param name="CStar">c* = q^{ab}*/q*: stable fixed point of the correlation map of two sequences with identical
/// inputs (1 in the ordered phase, &lt; 1 in the chaotic phase; 1 by convention when q* = 0).</param>
/// <param name="ChiC">χ_c: slope of the correlation map at c* (equals <paramref name="Chi"/> when c* = 1).</param>
/// <param name="Xi">ξ = −1/ln χ_c in steps; +∞ on the critical line (χ_c = 1 within 10⁻¹²).</param>
/// <param name="Outcome">Converged, or the reason a fixed point could not be found.</param>
public sealed record SignalPropagationResult(
    double QStar, double? StateSecondMoment, double Chi, double CStar, double ChiC, double Xi, AnalysisOutcome Outcome)
{
    /// <summary>
    /// Stable fixed points of the mean-field map (minimalRNN Q map; 1 for the vanilla RNN, whose tanh map is concave).
    /// When &gt; 1 every value above is of the smallest branch, the one reached from h = 0.
    /// </summary>
    public int StableBranches { get; init; } = 1;

    /// <summary>ξ = −1/ln χ_c, +∞ when χ_c ≥ 1 − 10⁻¹² (the critical line, where correlations decay sub-exponentially).</summary>
    public static double Timescale(double chiC) =>
        chiC >= 1 - 1e-12 ? double.PositiveInfinity : chiC <= 0 ? 0 : -1.0 / Math.Log(chiC);

    internal static SignalPropagationResult Failed(AnalysisOutcome outcome) =>
        new(double.NaN, null, double.NaN, double.NaN, double.NaN, double.NaN, outcome);
}
