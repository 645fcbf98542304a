namespace OrleansSweep.Science.Models;

/// <summary>The six RNN families of the source papers (see README, "Models and conventions").</summary>
public enum ModelFamily
{
    /// <summary>Discrete tanh RNN of Chen–Pennington–Schoenholz: h_t = tanh(W h_{t−1} + V x_t + b).</summary>
    Vanilla,

    /// <summary>Continuous-time rate network of Sompolinsky–Crisanti–Sommers: dh/dt = −h + J tanh(h).</summary>
    Rate,

    /// <summary>minimalRNN of Chen–Pennington–Schoenholz: h_t = u_t ⊙ h_{t−1} + (1 − u_t) ⊙ x_t.</summary>
    Minimal,

    /// <summary>GRU in the canonical form of the science brief (§A.3; z → 0 holds, reset before the matrix).</summary>
    Gru,

    /// <summary>LSTM with state (h, c) ∈ R^{2N}.</summary>
    Lstm,

    /// <summary>Continuous-time gated RNN of Krishnamurthy–Can–Schwab, state (h, z, r) ∈ R^{3N}.</summary>
    Gated,
}
