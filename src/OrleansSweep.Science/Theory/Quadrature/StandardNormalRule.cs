using System.Collections.Concurrent;

namespace OrleansSweep.Science.Theory.Quadrature;

/// <summary>
/// Trapezoidal rule for expectations over a standard normal variable, E[f(x)] ≈ Σ_i w_i f(x_i), x ~ N(0, 1), with
/// equally spaced nodes on [−10, 10] (science brief §B.3, "Numerical care").
/// </summary>
/// <remarks>
/// <para>
/// Accuracy. For f analytic in the strip |Im x| &lt; d the trapezoidal rule on a Gaussian-weighted integrand is
/// spectrally accurate: the error is about exp(−2πd/h)·max|f| for step h, and truncating at |x| = 10 adds at most
/// 2·10⁻²³·max|f|. tanh(κx + μ) and the logistic σ(2κx + μ) have their nearest poles at d = π/(2κ) (κ is the
/// "tanh-equivalent slope" of the integrand in the standard-normal variable), so <see cref="ForSlope"/> picks
/// h = min(0.25, 0.8·π²/(κ·ln(1/ε))), which makes the error ≈ ε (default 10⁻¹²) for such integrands, their powers
/// and products. Steep sigmoids therefore get fine steps automatically instead of the failure of low-order
/// Gauss–Hermite rules noted in §B.3. The step is capped at 0.25 (81 nodes), which integrates smooth
/// (polynomial-like) integrands to machine precision, and floored at 0.00125 (16 001 nodes): slopes κ &gt; 230 lose
/// accuracy gracefully (≈ exp(−2π²/(κh)) relative).
/// </para>
/// <para>The weights are normalised so that Σ w_i = 1 exactly. Rules are immutable and cached by node count.</para>
/// </remarks>
public sealed class StandardNormalRule
{
    /// <summary>The nodes span [−HalfWidth, HalfWidth] in the standard-normal variable.</summary>
    public const double HalfWidth = 10.0;

    /// <summary>Largest step used (smooth integrands).</summary>
    public const double MaximumStep = 0.25;

    /// <summary>Smallest step used (very steep integrands).</summary>
    public const double MinimumStep = 0.00125;

    private static readonly ConcurrentDictionary<int, StandardNormalRule> Cache = new();

    private readonly double[] nodes;
    private readonly double[] weights;

    private StandardNormalRule(double[] nodes, double[] weights, double step)
    {
        this.nodes = nodes;
        this.weights = weights;
        Step = step;
    }

    /// <summary>The one-node rule (x = 0, weight 1): the expectation over a variable of zero variance.</summary>
    public static StandardNormalRule Point { get; } = new([0.0], [1.0], 0.0);

    /// <summary>Spacing of the nodes (0 for <see cref="Point"/>).</summary>
    public double Step { get; }

    /// <summary>Number of nodes (odd and symmetric about 0, so node i and node Count−1−i are mirror images).</summary>
    public int Count => nodes.Length;

    public ReadOnlySpan<double> Nodes => nodes;

    public ReadOnlySpan<double> Weights => weights;

    /// <summary>The rule with the given step, rounded down so that 10/step is a multiple of 8.</summary>
    public static StandardNormalRule WithStep(double step)
    {
        if (!(step > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        }

        var clamped = Math.Clamp(step, MinimumStep, MaximumStep);
        var half = (int)Math.Ceiling(HalfWidth / clamped / 8.0) * 8;
        return Cache.GetOrAdd(2 * half + 1, Build);
    }

    /// <summary>
    /// The rule for an integrand whose tanh-equivalent slope in the standard-normal variable is
    /// <paramref name="slope"/> (for tanh(a·y) with y = μ + s·x, slope = |a|·s; for σ(a·y), slope = |a|·s/2).
    /// </summary>
    /// <param name="slope">κ ≥ 0; 0 gives the coarsest rule, not <see cref="Point"/>.</param>
    /// <param name="tolerance">target absolute error ε relative to max|f|, in (0, 0.1].</param>
    public static StandardNormalRule ForSlope(double slope, double tolerance = 1e-12)
    {
        if (!(slope >= 0) || double.IsInfinity(slope))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The slope must be finite and ≥ 0.");
        }

        if (!(tolerance > 0 && tolerance <= 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must lie in (0, 0.1].");
        }

        var step = slope == 0 ? MaximumStep : 0.8 * Math.PI * Math.PI / (slope * Math.Log(1.0 / tolerance));
        return WithStep(step);
    }

    /// <summary>
    /// The rule for a variable of standard deviation <paramref name="standardDeviation"/> fed to a function whose
    /// tanh-equivalent slope per unit argument is <paramref name="slopePerUnit"/>; <see cref="Point"/> when the
    /// standard deviation is 0.
    /// </summary>
    public static StandardNormalRule For(double standardDeviation, double slopePerUnit, double tolerance = 1e-12) =>
        standardDeviation == 0 ? Point : ForSlope(Math.Abs(slopePerUnit) * standardDeviation, tolerance);

    private static StandardNormalRule Build(int count)
    {
        var half = count / 2;
        var step = HalfWidth / half;
        var nodes = new double[count];
        var weights = new double[count];
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            var x = (i - half) * step;
            nodes[i] = x;
            weights[i] = Math.Exp(-0.5 * x * x);
            sum += weights[i];
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] /= sum;
        }

        return new StandardNormalRule(nodes, weights, step);
    }
}
