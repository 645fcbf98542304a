using OrleansSweep.Science.Theory.SignalPropagation;

namespace OrleansSweep.Science.Theory;

/// <summary>CPS cells (§B.7): vanilla and minimalRNN signal propagation.</summary>
public static partial class TheoryPredictions
{
    private const string TiedNote = "untied-weights mean field; tied W can deviate by up to ~30 % at large σ_w (§B.7)";

    private static CpsParameters Cps(IReadOnlyDictionary<string, double> p) =>
        new(Parameter(p, "sigmaW2"), Parameter(p, "sigmaV2"), Parameter(p, "R"), Parameter(p, "sigmaB2"), Parameter(p, "muB"));

    private static void AddVanilla(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters, CancellationToken ct)
    {
        var p = Cps(parameters);
        var note = Parameter(parameters, "untied") == 0 ? TiedNote : null;
        var result = VanillaMeanField.Solve(p, ct);
        AddSignal(values, result, "chi_1", note);
        var critical = CriticalLine.VanillaSigmaW2(p.SigmaBEff2, p.MuB, ct);
        values.Add(From("critical_sigma_w2", critical.Value, critical.Outcome));
        if (result.Outcome.IsUsable)
        {
            var ensemble = Parameter(parameters, "weights") == 1 ? WeightEnsemble.Orthogonal : WeightEnsemble.Gaussian;
            var isometry = DynamicalIsometry.Vanilla(p, 1, ensemble);
            values.Add(From("isometry_variance_per_step", DynamicalIsometry.VarianceGrowthPerStep(isometry.Mu1, isometry.Mu2, ensemble), isometry.Outcome, note));
        }
        else
        {
            values.Add(new TheoryValue("isometry_variance_per_step", null, result.Outcome));
        }
    }

    private static void AddMinimal(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters, CancellationToken ct)
    {
        var p = Cps(parameters);
        var note = Parameter(parameters, "untied") == 0 ? TiedNote : null;
        var result = MinimalMeanField.Solve(p, ct);
        values.Add(From("q_star", result.QStar, result.Outcome));
        values.Add(From("q_h_star", result.StateSecondMoment ?? double.NaN, result.Outcome));
        values.Add(From("chi", result.Chi, result.Outcome, note));
        values.Add(From("c_star", result.CStar, result.Outcome));
        values.Add(From("chi_c", result.ChiC, result.Outcome, note));
        values.Add(From("xi", result.Xi, result.Outcome, note));
        var critical = CriticalLine.MinimalSigmaW2(p.MuB, p.SigmaV2, p.SigmaB2, p.R, ct);
        values.Add(From("critical_sigma_w2", critical.Value, critical.Outcome));
    }

    private static void AddSignal(List<TheoryValue> values, SignalPropagationResult result, string chiName, string? note)
    {
        values.Add(From("q_star", result.QStar, result.Outcome));
        values.Add(From(chiName, result.Chi, result.Outcome, note));
        values.Add(From("c_star", result.CStar, result.Outcome));
        values.Add(From("chi_c", result.ChiC, result.Outcome, note));
        values.Add(From("xi", result.Xi, result.Outcome, note));
    }
}
