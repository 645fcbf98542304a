using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Theory;

/// <summary>SCS rate network (§A.1, §B.3–B.4).</summary>
public static partial class TheoryPredictions
{
    private static void AddRate(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters, CancellationToken ct)
    {
        var g = Parameter(parameters, "g");
        values.Add(Flag("zero_fp_stable", g < 1));
        var solution = ScsDmft.Solve(g, ct: ct);
        var note = solution.IsChaotic ? null : "no chaotic solution: the zero fixed point's exponent −1 + g";
        values.Add(From("delta0", solution.Delta0, solution.Outcome));
        values.Add(From("lyapunov_max", solution.LyapunovMax, solution.Outcome, note));
    }
}
