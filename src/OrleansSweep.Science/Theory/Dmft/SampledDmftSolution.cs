namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// The stationary solution of the sampled DMFT of the PRX gated RNN (§B.3) with its statistical errors and convergence
/// diagnostics.
/// </summary>
/// <param name="Delta0">Δ_h(0) = ⟨h²⟩ (0 for the quiescent solution).</param>
/// <param name="Delta0StandardError">one standard error of <paramref name="Delta0"/> from the spread of the replicas (0 for
/// α_z = 0 with the control variate, where the estimator is exact).</param>
/// <param name="PhiVariance">C_φ(0) = ⟨φ(h)²⟩.</param>
/// <param name="RelaxationTime">τ_R: the 1/e time of C_h(τ)/C_h(0) (linear interpolation on the grid; NaN when quiescent
/// or when C_h does not fall to 1/e within half the period).</param>
/// <param name="RelaxationTimeStandardError">one standard error of τ_R from the replicas.</param>
/// <param name="HCorrelation">C_h(τ_j), τ_j = j·<paramref name="TimeStep"/>, j = 0 … n/2.</param>
/// <param name="PhiCorrelation">C_φ(τ_j) on the same grid.</param>
/// <param name="TimeStep">spacing of the τ-grid (the Euler step dt).</param>
/// <param name="MeanUpdateGate">⟨σ_z(z)⟩ over the single-site ensemble.</param>
/// <param name="ClosedGateFraction">fraction of time with σ_z &lt; 0.01: the slow units of §B.2 item 2.</param>
/// <param name="Iterations">iterations performed.</param>
/// <param name="FinalChange">residual sup|G(C_φ) − C_φ| of the last iteration (the convergence criterion).</param>
/// <param name="Changes">the residual of every iteration, largest over the replicas (convergence history).</param>
/// <param name="ReplicaDelta0">Δ_h(0) of each replica.</param>
/// <param name="IsChaotic">true when a non-zero time-dependent solution was found (β_h = 0: Δ0 &gt; 0).</param>
/// <param name="Outcome">Converged; NotConverged (iteration budget, correlations slower than the grid, or some replicas
/// quiescent near the onset; the values are the best estimate); Cancelled; Diverged (non-finite values).</param>
public sealed record SampledDmftSolution(
    double Delta0,
    double Delta0StandardError,
    double PhiVariance,
    double RelaxationTime,
    double RelaxationTimeStandardError,
    IReadOnlyList<double> HCorrelation,
    IReadOnlyList<double> PhiCorrelation,
    double TimeStep,
    double MeanUpdateGate,
    double ClosedGateFraction,
    int Iterations,
    double FinalChange,
    IReadOnlyList<double> Changes,
    IReadOnlyList<double> ReplicaDelta0,
    bool IsChaotic,
    AnalysisOutcome Outcome)
{
    internal static SampledDmftSolution Failed(AnalysisOutcome outcome, double timeStep, IReadOnlyList<double> changes) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [], [], timeStep, double.NaN, double.NaN, changes.Count,
            changes.Count > 0 ? changes[^1] : double.NaN, changes, [], false, outcome);
}
