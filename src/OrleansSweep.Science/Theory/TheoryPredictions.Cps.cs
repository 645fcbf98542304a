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
        AddAssumption(values, parameters);
        AddSignal(values, result, "chi_1", note);
        // ⟨h²⟩ = ⟨φ(e)²⟩ at q*: from q* = σ_w²⟨h²⟩ + σ_v²R + σ_b² (the isometry analysis measures it beside q).
        values.Add(From("q_h_star", (result.QStar - p.SigmaBEff2) / p.SigmaW2, result.Outcome));
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
        AddAssumption(values, parameters);
        // A multistable Q map says so: the branch count is a column, and every value notes which branch it describes.
        var branch = result.StableBranches > 1
            ? $"the Q map has {result.StableBranches} stable fixed points; this is the smallest (reached from h = 0)"
            : null;
        string? Both(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";
        values.Add(From("q_star", result.QStar, result.Outcome, branch));
        values.Add(From("q_h_star", result.StateSecondMoment ?? double.NaN, result.Outcome, branch));
        values.Add(From("chi", result.Chi, result.Outcome, Both(branch, note)));
        values.Add(From("c_star", result.CStar, result.Outcome, branch));
        values.Add(From("chi_c", result.ChiC, result.Outcome, Both(branch, note)));
        values.Add(From("xi", result.Xi, result.Outcome, Both(branch, note)));
        values.Add(From("stable_branches", result.StableBranches, result.Outcome));
        var critical = CriticalLine.MinimalSigmaW2(p.MuB, p.SigmaV2, p.SigmaB2, p.R, ct);
        values.Add(From("critical_sigma_w2", critical.Value, critical.Outcome));
        // Where χ jumps across 1 at a saddle-node of the Q map instead of crossing it (null when it crosses).
        values.Add(double.IsNaN(critical.JumpAt)
            ? NotApplicable("saddle_node_sigma_w2", "χ crosses 1 continuously (or not at all): no saddle-node jump before the crossing")
            : Solved("saddle_node_sigma_w2", critical.JumpAt, "σ_w² at which the Q* branch reached from h = 0 ends and χ jumps across 1"));
    }

    /// <summary>
    /// The CPS mean field assumes untied weights (W redrawn every step, §B.7): <c>assumes_untied_weights</c> = 1, and
    /// <c>assumption_unmet</c> = 1 when the simulated network is tied (untied = 0).
    /// </summary>
    private static void AddAssumption(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters)
    {
        values.Add(Flag("assumes_untied_weights", true));
        values.Add(Flag("assumption_unmet", Parameter(parameters, "untied") == 0));
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
