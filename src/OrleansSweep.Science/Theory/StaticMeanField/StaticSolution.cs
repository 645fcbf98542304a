namespace OrleansSweep.Science.Theory.StaticMeanField;

/// <summary>
/// The largest non-zero solution of the static mean field at a given g_h (§B.3 static, §B.5).
/// </summary>
/// <param name="Exists">whether a solution with Δ_h &gt; 0 exists.</param>
/// <param name="PreActivationVariance">v = g_h²Δ_h (PRX) = Var a (GRU candidate pre-activation).</param>
/// <param name="DeltaH">Δ_h = v/g_h² (PRX ⟨h²⟩ at a fixed point).</param>
/// <param name="DeltaPhi">Δ_φ = ⟨tanh²⟩ at variance v (PRX ⟨φ²⟩; GRU ⟨h²⟩ = q_h at a fixed point).</param>
/// <param name="Outcome">Converged, or why not (NotConverged, Cancelled) with the reason.</param>
public sealed record StaticSolution(bool Exists, double PreActivationVariance, double DeltaH, double DeltaPhi, AnalysisOutcome Outcome);
