using OrleansSweep.Science.Theory.StaticMeanField;

namespace OrleansSweep.Science.Theory;

/// <summary>GRU in the canonical form of §A.3 (§B.6).</summary>
public static partial class TheoryPredictions
{
    private static void AddGru(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters, CancellationToken ct)
    {
        var gH = Parameter(parameters, "gH");
        var gR = Parameter(parameters, "gR");
        var bZ = Parameter(parameters, "bZ");
        var bR = Parameter(parameters, "bR");
        values.Add(Solved("zero_fp_line", FixedPointMeanField.ZeroFpLine(bR)));
        if (Parameter(parameters, "bH") != 0)
        {
            const string reason = "theory implemented for b_h = 0 only: a candidate bias removes the zero fixed point (§B.6)";
            foreach (var name in new[] { "zero_fp_stable", "lyapunov_max_zero_fp", "g_fp", "transition_continuous", "static_fp_exists" })
            {
                values.Add(NotApplicable(name, reason));
            }
        }
        else
        {
            var sZ = Logistic(bZ);
            var sR = Logistic(bR);
            var stable = gH * sR < 1;
            values.Add(Flag("zero_fp_stable", stable));
            // Zero FP: eigenvalues fill a disk centred at 1 − s_z of radius s_z s_r g_h (§B.6), so per step
            // λ_max = ln(1 − s_z + s_z s_r g_h) while it is stable (case 14 of §D).
            values.Add(stable
                ? Solved("lyapunov_max_zero_fp", Math.Log(1 - sZ + sZ * sR * gH))
                : NotApplicable("lyapunov_max_zero_fp", "the zero fixed point is unstable"));
            // The GRU fixed-point mean field is PRX's with α_r → g_r (§B.6).
            AddStatic(values, gH, gR, bR, ct);
        }

        values.Add(NotApplicable("lyapunov_max", "no DMFT for the discrete-time GRU's chaotic state in the brief (§B.6: chaos onset differs from PRX)"));
    }
}
