namespace OrleansSweep.Science.Theory.Solvers;

/// <summary>Golden-section minimisation of a unimodal function on a bracket (bounded, cancellable).</summary>
public static class GoldenSection
{
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>(x, f(x)) at the minimum of f on [lower, upper], to an interval width of <paramref name="tolerance"/>.</summary>
    /// <remarks>At most 200 evaluations; returns the best point seen (including the ends).</remarks>
    public static (double X, double Value) Minimize(Func<double, double> f, double lower, double upper, double tolerance, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        var a = lower;
        var b = upper;
        var c = b - InverseGolden * (b - a);
        var d = a + InverseGolden * (b - a);
        var fc = f(c);
        var fd = f(d);
        for (var i = 0; i < 200 && Math.Abs(b - a) > tolerance; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - InverseGolden * (b - a);
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + InverseGolden * (b - a);
                fd = f(d);
            }
        }

        return fc < fd ? (c, fc) : (d, fd);
    }
}
