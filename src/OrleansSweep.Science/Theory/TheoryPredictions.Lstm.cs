namespace OrleansSweep.Science.Theory;

/// <summary>LSTM (§A.4, §B.6).</summary>
/// <remarks>
/// Zero fixed point (h, c) = 0, which exists iff b_g = 0 (else c* = i·tanh(b_g)/(1 − f) ≠ 0). There f = s_f, i = s_i,
/// o = s_o, g = 0 and tanh c = 0, so by §A.4 the Jacobian on (h, c) is [s_o; 1] ⊗ [s_i U_g, s_f I]. Its non-zero
/// eigenvalues are those of s_f I + s_o s_i U_g: a disk centred at s_f of radius s_o s_i g_g (circular law). Hence the
/// zero fixed point is stable iff s_f + s_o s_i g_g &lt; 1, and then λ_max = ln(s_f + s_o s_i g_g) per step. [DER here;
/// not in the brief.]
/// </remarks>
public static partial class TheoryPredictions
{
    private static void AddLstm(List<TheoryValue> values, IReadOnlyDictionary<string, double> parameters)
    {
        if (Parameter(parameters, "bG") != 0)
        {
            const string reason = "b_g ≠ 0: (h, c) = 0 is not a fixed point";
            values.Add(NotApplicable("zero_fp_stable", reason));
            values.Add(NotApplicable("lyapunov_max_zero_fp", reason));
        }
        else
        {
            var radius = Logistic(Parameter(parameters, "bF")) +
                Logistic(Parameter(parameters, "bO")) * Logistic(Parameter(parameters, "bI")) * Parameter(parameters, "gG");
            values.Add(Flag("zero_fp_stable", radius < 1));
            values.Add(radius < 1
                ? Solved("lyapunov_max_zero_fp", Math.Log(radius))
                : NotApplicable("lyapunov_max_zero_fp", "the zero fixed point is unstable"));
        }

        values.Add(NotApplicable("g_fp", "no static mean field for the LSTM in the brief (§B.6 gives only qualitative predictions)"));
        values.Add(NotApplicable("lyapunov_max", "no DMFT for the LSTM in the brief (§B.6)"));
    }
}
