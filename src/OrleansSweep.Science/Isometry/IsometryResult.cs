namespace OrleansSweep.Science.Isometry;

/// <summary>
/// Signal-propagation and dynamical-isometry observables of one network (science.md §B.7, §E S12), each the simulated
/// counterpart of a CPS mean-field quantity.
/// </summary>
/// <remarks>
/// NaN when an observable is not defined for the family (q and c need the pre-activation e of vanilla/minimal; ⟨u²⟩ is
/// minimal only) or when the run diverged or was cancelled (<see cref="Outcome"/>).
/// </remarks>
public sealed record IsometryResult
{
    public required AnalysisOutcome Outcome { get; init; }

    /// <summary>q: (1/N)Σ(e_i − μ_b)², time-averaged (vs q*). Vanilla and minimal.</summary>
    public required double PreActivationVariance { get; init; }

    /// <summary>⟨h²⟩ = (1/N)Σh_i², time-averaged (minimal: vs Q*).</summary>
    public required double StateSecondMoment { get; init; }

    /// <summary>⟨u²⟩ of the minimalRNN gate u = σ(e), time-averaged (vs ⟨u²⟩ at q*).</summary>
    public required double GateSecondMoment { get; init; }

    /// <summary>χ: ‖J_t v‖²/‖v‖² for a fresh isotropic v every step (= tr(J_tᵀJ_t)/N in expectation), time-averaged.</summary>
    public required double OneStepGrowth { get; init; }

    /// <summary>c: correlation of the centred pre-activations of two trajectories with the same weights and inputs from
    /// independent initial states: the fixed point of the correlation map c_t ↦ c_{t+1} fitted over the averaging window
    /// (vs c*; 1 in the ordered phase).</summary>
    public required double Correlation { get; init; }

    /// <summary>c at the end of the run (the last step).</summary>
    public required double FinalCorrelation { get; init; }

    /// <summary>Mean of the squared singular values of J_T: tr(J_TᵀJ_T)/N (vs χ^T), averaged over the samples.</summary>
    public required double JacobianMean { get; init; }

    /// <summary>Variance of the squared singular values of J_T: ‖J_TᵀJ_T‖_F²/N − mean² (vs the free-probability value).</summary>
    public required double JacobianVariance { get; init; }

    /// <summary>T.</summary>
    public required int Steps { get; init; }

    internal static IsometryResult Failed(AnalysisOutcome outcome, int steps) => new()
    {
        Outcome = outcome,
        PreActivationVariance = double.NaN,
        StateSecondMoment = double.NaN,
        GateSecondMoment = double.NaN,
        OneStepGrowth = double.NaN,
        Correlation = double.NaN,
        FinalCorrelation = double.NaN,
        JacobianMean = double.NaN,
        JacobianVariance = double.NaN,
        Steps = steps,
    };
}
