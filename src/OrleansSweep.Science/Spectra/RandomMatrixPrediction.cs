namespace OrleansSweep.Science.Spectra;

/// <summary>Which random-matrix result a <see cref="RandomMatrixPrediction"/> comes from.</summary>
public enum RandomMatrixModel
{
    /// <summary>Vanilla map [φ'(e)] W: a disk about 0 of radius σ_w⟨φ'²⟩^½ (circular law, §B.1; also the outer
    /// radius of the single ring for σ_w × Haar orthogonal W).</summary>
    VanillaDisk,

    /// <summary>Rate (SCS) flow −I + J[φ']: a disk centred at −1 of radius g⟨φ'²⟩^½ (§B.1).</summary>
    RateDisk,

    /// <summary>Gated (PRX) flow: the boundary equation of §B.2 with the empirical unit statistics of the state.</summary>
    GatedBoundary,

    /// <summary>Gated flow at h = 0: −1/τ_z, −1/τ_r and a disk centred at −σ_z of radius σ_z σ_r g_h (§B.2 item 1).</summary>
    GatedZeroFixedPoint,

    /// <summary>GRU map: the boundary equation of §B.6 with the empirical gates of the state.</summary>
    GruBoundary,

    /// <summary>GRU map at h = 0: a disk centred at 1 − z of radius z r g_h (§B.6).</summary>
    GruZeroFixedPoint,

    /// <summary>LSTM map: only the slow-mode count N·P(1 − f &lt; ε) of §B.6 (no closed boundary).</summary>
    LstmSlowModes,
}

/// <summary>What random-matrix theory predicts for the Jacobian spectrum at one state (N → ∞).</summary>
/// <remarks>
/// Numbers that a model does not predict are NaN. At finite N the outermost eigenvalue overshoots the predicted
/// edge by roughly N^(−1/2) of the radius (§B.1), so compare with tolerances of a few per cent.
/// </remarks>
public sealed record RandomMatrixPrediction
{
    public required RandomMatrixModel Model { get; init; }

    /// <summary>The rightmost real point of the support including isolated eigenvalues (flows: stability edge).</summary>
    public required double SpectralAbscissa { get; init; }

    /// <summary>The largest |λ| on the support (maps: stability edge).</summary>
    public required double SpectralRadius { get; init; }

    /// <summary>The rightmost real point of the continuous part (bulk) alone.</summary>
    public required double BulkEdge { get; init; }

    /// <summary>The centre of the disk when the support is a disk (real), otherwise NaN.</summary>
    public required double DiskCenter { get; init; }

    /// <summary>The radius of the disk when the support is a disk, otherwise NaN.</summary>
    public required double DiskRadius { get; init; }

    /// <summary>Eigenvalues outside the bulk law (e.g. −1/τ_z, −1/τ_r at a gated fixed point), each N-fold.</summary>
    public required IReadOnlyList<double> IsolatedEigenvalues { get; init; }

    /// <summary>The predicted number of slow modes: units with σ_z &lt; ε (gated), z &lt; ε (GRU), 1 − f &lt; ε (LSTM).</summary>
    public required double SlowModeCount { get; init; }
}
