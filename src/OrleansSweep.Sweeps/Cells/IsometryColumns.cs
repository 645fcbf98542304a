using OrleansSweep.Science;
using OrleansSweep.Science.Isometry;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The columns of the isometry analysis (science.md §B.7, §E S12), each the simulated counterpart of a theory column:
/// <c>isometry_q</c> (vs theory_q_star), <c>isometry_state_second_moment</c> (⟨h²⟩ vs theory_q_h_star),
/// <c>isometry_gate_second_moment</c> (minimal ⟨u²⟩ vs theory_gate_second_moment), <c>isometry_chi</c> (one-step growth of
/// ‖J v‖²; vs theory_chi_1 vanilla, theory_chi minimal), <c>isometry_c</c> (two-stream correlation vs theory_c_star),
/// <c>isometry_sv2_mean</c> and <c>isometry_sv2_variance</c> (squared singular values of the T-step Jacobian vs
/// theory_isometry_sv2_mean / _variance) and <c>isometry_steps</c> (T). Null where not defined for the family.
/// </summary>
internal static class IsometryColumns
{
    /// <summary>Fork label of the second trajectory's initial state (child of the InitialState stream).</summary>
    public const ulong SecondStateLabel = 1;

    /// <summary>Fork label of the probe vectors (child of the Basis stream).</summary>
    public const ulong ProbeLabel = 17;

    public static IsometryOptions OptionsFrom(IsometrySettings settings) => new()
    {
        Steps = settings.Steps,
        TransientSteps = settings.TransientSteps,
        AveragingSteps = settings.AveragingSteps,
        Samples = settings.Samples,
    };

    public static void Record(RealizationResult result, IsometryResult isometry)
    {
        result.Statuses["isometry_status"] = RealizationAnalyzer.StatusText(isometry.Outcome);
        if (isometry.Outcome.Status is not (AnalysisStatus.Converged or AnalysisStatus.NotApplicable))
        {
            result.Problems.Add($"isometry: {RealizationAnalyzer.StatusText(isometry.Outcome)}");
        }

        if (!isometry.Outcome.IsUsable)
        {
            return;
        }

        result.Set(CellMetrics.IsometryQ, isometry.PreActivationVariance);
        result.Set(CellMetrics.IsometryStateSecondMoment, isometry.StateSecondMoment);
        result.Set(CellMetrics.IsometryGateSecondMoment, isometry.GateSecondMoment);
        result.Set(CellMetrics.IsometryChi, isometry.OneStepGrowth);
        result.Set(CellMetrics.IsometryCorrelation, isometry.Correlation);
        result.Set(CellMetrics.IsometrySv2Mean, isometry.JacobianMean);
        result.Set(CellMetrics.IsometrySv2Variance, isometry.JacobianVariance);
        result.Set(CellMetrics.IsometrySteps, isometry.Steps);
    }
}
