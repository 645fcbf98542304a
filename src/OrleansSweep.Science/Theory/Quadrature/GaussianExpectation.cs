namespace OrleansSweep.Science.Theory.Quadrature;

/// <summary>
/// Expectations of functions of one Gaussian variable, E[f(μ + √q·x)], and of a pair with equal marginals,
/// E[f(x1) g(x2)] with Var x1 = Var x2 = q and Cov(x1, x2) = c (science brief §B.3, §B.7).
/// </summary>
/// <remarks>
/// <para>
/// The pair uses the conditional (product) form x1 = μ + √|c|·s + √(q−|c|)·a, x2 = μ ± √|c|·s + √(q−|c|)·b with
/// s, a, b independent standard normals (sign of c for ±), so E[f g] = E_s[F(s)·G(±s)] with F(s) = E_a[f(…)],
/// G(s) = E_b[g(…)]. Each 1-D factor is integrated exactly in the sense of the product structure, the cost is
/// n_s·(n_a + n_b) evaluations, and the limits c → q and c → 0 are regular.
/// </para>
/// <para>
/// Accuracy. Every 1-D integral uses <see cref="StandardNormalRule.For"/> with the caller's tanh-equivalent slope
/// per unit argument (<c>slope</c>: 1 for tanh(y), 1/2 for σ(y), a for tanh(a·y)); for integrands analytic in a
/// strip of half-width π/(2·slope) the absolute error is ≈ 10⁻¹²·max|f|·max|g|. Integrands with a wider strip
/// (polynomials, ln cosh) are at least as accurate. Non-analytic integrands (|y|, steps) converge only
/// algebraically; pass a large slope for them.
/// </para>
/// </remarks>
public static class GaussianExpectation
{
    /// <summary>E[f(y)] for y ~ N(<paramref name="mean"/>, <paramref name="variance"/>).</summary>
    /// <param name="f">the integrand.</param>
    /// <param name="mean">mean of y.</param>
    /// <param name="variance">variance of y (≥ 0).</param>
    /// <param name="slope">tanh-equivalent slope of f per unit of y (see remarks); sets the node spacing.</param>
    public static double Of(Func<double, double> f, double mean, double variance, double slope = 1.0)
    {
        ArgumentNullException.ThrowIfNull(f);
        var sd = StandardDeviation(variance, nameof(variance));
        return Of(f, mean, variance, StandardNormalRule.For(sd, slope));
    }

    /// <summary>E[f(y)] for y ~ N(<paramref name="mean"/>, <paramref name="variance"/>) with an explicit rule.</summary>
    public static double Of(Func<double, double> f, double mean, double variance, StandardNormalRule rule)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(rule);
        var sd = StandardDeviation(variance, nameof(variance));
        var nodes = rule.Nodes;
        var weights = rule.Weights;
        double sum = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            sum += weights[i] * f(mean + sd * nodes[i]);
        }

        return sum;
    }

    /// <summary>
    /// E[f(x1) g(x2)] for (x1, x2) jointly Gaussian with common mean <paramref name="mean"/>, common variance
    /// <paramref name="variance"/> and covariance <paramref name="covariance"/> (|c| ≤ q; a relative excess below
    /// 10⁻¹² is clamped as round-off).
    /// </summary>
    /// <param name="f">function of x1.</param>
    /// <param name="g">function of x2.</param>
    /// <param name="mean">common mean.</param>
    /// <param name="variance">common variance q ≥ 0.</param>
    /// <param name="covariance">c, |c| ≤ q.</param>
    /// <param name="slope">largest tanh-equivalent slope of f and g per unit argument.</param>
    public static double OfPair(
        Func<double, double> f, Func<double, double> g, double mean, double variance, double covariance, double slope = 1.0)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        var (common, own) = SplitCovariance(variance, covariance);
        var outer = StandardNormalRule.For(common, slope);
        var inner = StandardNormalRule.For(own, slope);
        var sign = covariance < 0 ? -1.0 : 1.0;
        var s = outer.Nodes;
        var w = outer.Weights;
        double sum = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var centre1 = mean + common * s[i];
            var centre2 = mean + sign * common * s[i];
            sum += w[i] * Of(f, centre1, own * own, inner) * Of(g, centre2, own * own, inner);
        }

        return sum;
    }

    /// <summary>√q, rejecting negative or non-finite variances.</summary>
    internal static double StandardDeviation(double variance, string name)
    {
        if (!(variance >= 0) || double.IsInfinity(variance))
        {
            throw new ArgumentOutOfRangeException(name, variance, "A variance must be finite and ≥ 0.");
        }

        return Math.Sqrt(variance);
    }

    /// <summary>(√|c|, √(q − |c|)) for the conditional form; |c| may exceed q by 10⁻¹² relative (round-off).</summary>
    internal static (double Common, double Own) SplitCovariance(double variance, double covariance)
    {
        StandardDeviation(variance, nameof(variance));
        var magnitude = Math.Abs(covariance);
        if (double.IsNaN(covariance) || magnitude > variance * (1 + 1e-12) + 1e-300)
        {
            throw new ArgumentOutOfRangeException(nameof(covariance), covariance, "|covariance| must not exceed the variance.");
        }

        magnitude = Math.Min(magnitude, variance);
        return (Math.Sqrt(magnitude), Math.Sqrt(variance - magnitude));
    }
}
