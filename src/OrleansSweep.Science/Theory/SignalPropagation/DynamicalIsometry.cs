using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.SignalPropagation;

/// <summary>
/// Free-probability prediction for the squared singular values of the vanilla RNN's T-step Jacobian
/// J_T = Π_t [φ'(e_t)] W_t (untied weights, §B.7).
/// </summary>
/// <param name="Steps">T.</param>
/// <param name="Mean">mean squared singular value χ_1^T.</param>
/// <param name="Variance">variance of the squared singular values, χ_1^{2T}·T·(μ_2/μ_1² − 1 + s_W).</param>
/// <param name="Mu1">μ_1 = ⟨φ'(e)²⟩ at q*.</param>
/// <param name="Mu2">μ_2 = ⟨φ'(e)⁴⟩ at q*.</param>
/// <param name="Chi1">χ_1 = σ_w² μ_1.</param>
/// <param name="Outcome">Converged, or why not (NotConverged, Cancelled) with the reason.</param>
public sealed record IsometryPrediction(int Steps, double Mean, double Variance, double Mu1, double Mu2, double Chi1, AnalysisOutcome Outcome);

/// <summary>
/// Dynamical isometry of the vanilla RNN (§B.7; Pennington–Schoenholz–Ganguli 2017 applied per step).
/// </summary>
/// <remarks>
/// The S-transform of a product of freely independent factors is the product of their S-transforms, and the
/// first-order coefficient of S is −(m₂/m₁² − 1)/m₁. So the normalised variance m₂/m₁² − 1 of J_TJ_Tᵀ is additive
/// over the 2T factors: T·(μ_2/μ_1² − 1) from the diagonals [φ'(e_t)]² and T·s_W from WᵀW, with s_W = 0 for σ_w·Haar
/// orthogonal W and s_W = 1 for Gaussian W (Marchenko–Pastur at ratio 1: m₂/m₁² = 2). Hence
/// mean = χ_1^T and variance = χ_1^{2T}·T·(μ_2/μ_1² − 1 + s_W) exactly (for N → ∞, untied weights); at χ_1 = 1 this is
/// the brief's T(μ_2/μ_1² − 1) (orthogonal) and T·μ_2/μ_1² (Gaussian). The minimalRNN scheme of CPS must be taken
/// from the paper (§B.7) and is not provided here.
/// </remarks>
public static class DynamicalIsometry
{
    /// <summary>Growth of the normalised variance per step: μ_2/μ_1² − 1 + s_W.</summary>
    public static double VarianceGrowthPerStep(double mu1, double mu2, WeightEnsemble ensemble) =>
        mu2 / (mu1 * mu1) - 1 + (ensemble == WeightEnsemble.Gaussian ? 1 : 0);

    /// <summary>
    /// (mean, variance) of the squared singular values of Π_t [d_t] W_t for per-step moments (m1_t, m2_t) of d_t²
    /// (m1 = ⟨d²⟩, m2 = ⟨d⁴⟩) and weight variance σ_w²: mean = Π σ_w² m1_t, variance = mean²·Σ_t (m2_t/m1_t² − 1 + s_W).
    /// </summary>
    public static (double Mean, double Variance) Combine(IEnumerable<(double M1, double M2)> steps, double sigmaW2, WeightEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(steps);
        double mean = 1, normalisedVariance = 0;
        foreach (var (m1, m2) in steps)
        {
            mean *= sigmaW2 * m1;
            normalisedVariance += VarianceGrowthPerStep(m1, m2, ensemble);
        }

        return (mean, mean * mean * normalisedVariance);
    }

    /// <summary>The prediction for <paramref name="steps"/> ≥ 1 steps at the stable q* of <paramref name="p"/>.</summary>
    public static IsometryPrediction Vanilla(CpsParameters p, int steps, WeightEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var q = VanillaMeanField.QStar(p);
        var mu1 = GaussianPairKernels.Tanh(p.MuB, q, q).SlopeProduct;
        var mu2 = GaussianExpectation.Of(x => Math.Pow(1 / Math.Cosh(x), 8), p.MuB, q);
        var (mean, variance) = Combine(Enumerable.Repeat((mu1, mu2), steps), p.SigmaW2, ensemble);
        return new IsometryPrediction(steps, mean, variance, mu1, mu2, p.SigmaW2 * mu1, AnalysisOutcome.Converged);
    }
}
