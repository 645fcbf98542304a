using OrleansSweep.Science.Models;
using OrleansSweep.Science.Theory.Quadrature;
using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Theory;

/// <summary>The mean-field counterparts of the isometry analysis for a T-step Jacobian (§B.7; untied weights).</summary>
public static partial class TheoryPredictions
{
    private const string NoIsometryTheory = "no CPS mean field for this family (§B.7 covers vanilla and minimal)";

    /// <summary>
    /// isometry_sv2_mean (χ_1^T vanilla, χ^T minimal: the mean of a product of free factors is the product of means),
    /// isometry_sv2_variance (vanilla: χ_1^{2T}·T·(μ_2/μ_1² − 1 + s_W) for the model's weight ensemble; minimal: not
    /// applicable, CPS's spectrum must be copied from the paper) and gate_second_moment (minimal: ⟨u²⟩ at q*).
    /// </summary>
    public static TheoryValues Isometry(ModelFamily family, IReadOnlyDictionary<string, double> resolvedParameters, int steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolvedParameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var values = new List<TheoryValue>();
        if (family is not (ModelFamily.Vanilla or ModelFamily.Minimal))
        {
            values.Add(NotApplicable("isometry_sv2_mean", NoIsometryTheory));
            values.Add(NotApplicable("isometry_sv2_variance", NoIsometryTheory));
            values.Add(NotApplicable("gate_second_moment", NoIsometryTheory));
            return new TheoryValues(values);
        }

        var p = Cps(resolvedParameters);
        var note = Parameter(resolvedParameters, "untied") == 0 ? TiedNote : null;
        if (family == ModelFamily.Vanilla)
        {
            var ensemble = Parameter(resolvedParameters, "weights") == 1 ? WeightEnsemble.Orthogonal : WeightEnsemble.Gaussian;
            var prediction = DynamicalIsometry.Vanilla(p, steps, ensemble);
            values.Add(From("isometry_sv2_mean", prediction.Mean, prediction.Outcome, note));
            values.Add(From("isometry_sv2_variance", prediction.Variance, prediction.Outcome, note));
            values.Add(NotApplicable("gate_second_moment", "the vanilla RNN has no gate"));
            return new TheoryValues(values);
        }

        var result = MinimalMeanField.Solve(p, ct);
        values.Add(From("isometry_sv2_mean", Math.Pow(result.Chi, steps), result.Outcome, note));
        values.Add(NotApplicable("isometry_sv2_variance", "the minimalRNN's singular-value spectrum (CPS) must be copied from the paper (§B.7)"));
        var gate = result.Outcome.IsUsable ? GaussianPairKernels.Logistic(p.MuB, result.QStar, result.QStar).Product : double.NaN;
        values.Add(From("gate_second_moment", gate, result.Outcome, note));
        return new TheoryValues(values);
    }
}
