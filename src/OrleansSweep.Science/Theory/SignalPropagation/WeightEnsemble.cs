namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>Recurrent weight ensemble of the CPS cells (§A.5): i.i.d. Gaussian N(0, σ_w²/N) or σ_w × Haar orthogonal.</summary>
public enum WeightEnsemble
{
    Gaussian,
    Orthogonal,
}
