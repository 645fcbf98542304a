namespace OrleansSweep.Science.Theory.Quadrature;

/// <summary>
/// A function on [a, b] represented by its Chebyshev series f(x) = Σ_j c_j T_j(t), t = (2x − a − b)/(b − a),
/// built by interpolation at the Chebyshev–Lobatto points. Used to tabulate the DMFT correlation functions of
/// §B.3–B.4 once per Δ0 and evaluate or integrate them cheaply.
/// </summary>
/// <remarks>
/// Interpolation at m Lobatto points converges geometrically for functions analytic near [a, b] and faster than
/// any power for C^∞ functions (the Gaussian-pair correlations C(Δ) are C^∞ but not analytic at Δ = Δ0); the DMFT
/// tests check the accuracy reached by comparing 33 against 65 points. Evaluation is Clenshaw's recurrence, O(m).
/// </remarks>
public sealed class ChebyshevSeries
{
    private readonly double[] coefficients;

    private ChebyshevSeries(double lower, double upper, double[] coefficients)
    {
        Lower = lower;
        Upper = upper;
        this.coefficients = coefficients;
    }

    public double Lower { get; }

    public double Upper { get; }

    /// <summary>Number of coefficients (degree + 1).</summary>
    public int Count => coefficients.Length;

    /// <summary>The m Chebyshev–Lobatto points of [a, b], from a to b: x_k = (a+b)/2 − (b−a)/2·cos(πk/(m−1)).</summary>
    public static double[] Points(double lower, double upper, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var points = new double[count];
        var n = count - 1;
        for (var k = 0; k <= n; k++)
        {
            points[k] = 0.5 * (lower + upper) - 0.5 * (upper - lower) * Math.Cos(Math.PI * k / n);
        }

        // Pin the ends exactly (the cosine leaves round-off there).
        points[0] = lower;
        points[n] = upper;
        return points;
    }

    /// <summary>The interpolant of <paramref name="values"/> given at <see cref="Points"/>(lower, upper, m).</summary>
    public static ChebyshevSeries Interpolate(double lower, double upper, ReadOnlySpan<double> values)
    {
        var count = values.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var n = count - 1;
        var coefficients = new double[count];
        // Points run from a (t = −1) to b (t = +1): t_k = −cos(πk/n), so T_j(t_k) = (−1)^j cos(πjk/n).
        for (var j = 0; j <= n; j++)
        {
            double sum = 0;
            for (var k = 0; k <= n; k++)
            {
                var term = values[k] * Math.Cos(Math.PI * j * k / n);
                sum += k == 0 || k == n ? 0.5 * term : term;
            }

            var c = 2.0 * sum / n * (j % 2 == 0 ? 1 : -1);
            coefficients[j] = j == 0 || j == n ? 0.5 * c : c;
        }

        return new ChebyshevSeries(lower, upper, coefficients);
    }

    /// <summary>f(x) by Clenshaw's recurrence; x outside [a, b] extrapolates the polynomial.</summary>
    public double Evaluate(double x)
    {
        var t = (2 * x - Lower - Upper) / (Upper - Lower);
        double b1 = 0, b2 = 0;
        for (var j = coefficients.Length - 1; j >= 1; j--)
        {
            var b0 = 2 * t * b1 - b2 + coefficients[j];
            b2 = b1;
            b1 = b0;
        }

        return t * b1 - b2 + coefficients[0];
    }

    /// <summary>∫_a^b f(x) dx (Clenshaw–Curtis).</summary>
    public double Integral()
    {
        double sum = 0;
        for (var j = 0; j < coefficients.Length; j += 2)
        {
            sum += coefficients[j] * 2.0 / (1.0 - (double)j * j);
        }

        return 0.5 * (Upper - Lower) * sum;
    }

    /// <summary>The antiderivative F with F(a) = 0, as a series of one degree more.</summary>
    public ChebyshevSeries Antiderivative()
    {
        var n = coefficients.Length;
        var c = new double[n + 2];
        coefficients.CopyTo(c, 0);
        var result = new double[n + 1];
        var scale = 0.5 * (Upper - Lower);
        // ∫T_0 = T_1, ∫T_j = ½[T_{j+1}/(j+1) − T_{j−1}/(j−1)] (j ≥ 2), ∫T_1 = T_2/4 + const.
        result[1] = scale * (c[0] - 0.5 * c[2]);
        for (var j = 2; j <= n; j++)
        {
            result[j] = scale * (c[j - 1] - c[j + 1]) / (2.0 * j);
        }

        // F(a) = F(t = −1) = Σ_j r_j (−1)^j = 0 fixes r_0.
        double atLower = 0;
        for (var j = 1; j <= n; j++)
        {
            atLower += j % 2 == 0 ? result[j] : -result[j];
        }

        result[0] = -atLower;
        return new ChebyshevSeries(Lower, Upper, result);
    }
}
