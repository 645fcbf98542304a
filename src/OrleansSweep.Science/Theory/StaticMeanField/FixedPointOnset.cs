namespace OrleansSweep.Science.Theory.StaticMeanField;

/// <summary>
/// Where non-zero fixed points appear (§B.5): the smallest g_h at which the static mean field has a solution with
/// Δ_h &gt; 0.
/// </summary>
/// <param name="GFp">g_FP.</param>
/// <param name="ZeroFpLine">1/σ(b_r): where the zero fixed point loses stability.</param>
/// <param name="IsContinuous">true when the non-zero branch grows from Δ_h = 0 at the zero-FP line (g_FP = 1/σ(b_r));
/// false when it appears at finite Δ_h by a saddle-node (g_FP &lt; 1/σ(b_r), discontinuous).</param>
/// <param name="PreActivationVariance">v* = g_FP²Δ_h at the onset (0 when continuous): variance of g_h h (PRX) or of
/// the GRU candidate pre-activation.</param>
/// <param name="Outcome">Converged, or why not (NotConverged, Cancelled) with the reason.</param>
public sealed record FixedPointOnset(double GFp, double ZeroFpLine, bool IsContinuous, double PreActivationVariance, AnalysisOutcome Outcome);
