namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>
/// Parameters of the CPS mean field (§A.5–A.6, §B.7): recurrent weight variance σ_w² (W_ij ~ N(0, σ_w²/N)), input
/// weight variance σ_v², per-component input second moment R, bias variance σ_b² and bias mean μ_b.
/// </summary>
public sealed record CpsParameters(double SigmaW2, double SigmaV2 = 0, double R = 0, double SigmaB2 = 0, double MuB = 0)
{
    /// <summary>σ_b,eff² = σ_b² + σ_v²R: the variance the inputs and the bias add to every pre-activation.</summary>
    public double SigmaBEff2 => SigmaB2 + SigmaV2 * R;

    /// <summary>Throws for negative or non-finite variances (programming errors, not analysis outcomes).</summary>
    public void Validate()
    {
        Check(SigmaW2, nameof(SigmaW2));
        Check(SigmaV2, nameof(SigmaV2));
        Check(R, nameof(R));
        Check(SigmaB2, nameof(SigmaB2));
        if (!double.IsFinite(MuB))
        {
            throw new ArgumentOutOfRangeException(nameof(MuB), MuB, "μ_b must be finite.");
        }
    }

    private static void Check(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A variance must be finite and ≥ 0.");
        }
    }
}
