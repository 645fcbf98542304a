using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

// The eigenvalues of a deflated 2×2 block, by LAPACK's dlanv2 standardisation.
internal static partial class FrancisQr
{
    // Below 4ε the sign of the discriminant is decided after a rotation that equalises the diagonal (dlanv2's MULTPL).
    private const double Undecided = 4.0 * Ulp;

    /// <summary>
    /// Eigenvalues of [[a, b], [c, d]]: a real pair (imaginary parts exactly 0) or a complex conjugate pair, first
    /// with the positive imaginary part.
    /// </summary>
    /// <remarks>
    /// A rotation brings the block to the standard form [[a', b'], [c', a']] with b'c' &lt; 0 (complex pair
    /// a' ± i√|b'c'|) or to upper triangular form (real pair), as dlanv2 does. Real roots are formed as d + z and
    /// d − (max(|b|,|c|)/z)·min(…) with z = p + sign(p)√(p² + bc), so neither suffers cancellation; a discriminant
    /// within 4ε of zero is decided only after the rotation, so (nearly) equal real eigenvalues are not turned into a
    /// spurious complex pair and vice versa.
    /// </remarks>
    internal static void TwoByTwo(double a, double b, double c, double d, out Complex first, out Complex second)
    {
        if (c == 0.0)
        {
            first = a;
            second = d;
            return;
        }

        if (b == 0.0)
        {
            first = d;
            second = a;
            return;
        }

        if (a - d == 0.0 && Math.Sign(b) != Math.Sign(c))
        {
            var imaginary = Math.Sqrt(Math.Abs(b)) * Math.Sqrt(Math.Abs(c));
            first = new Complex(a, imaginary);
            second = new Complex(a, -imaginary);
            return;
        }

        var temp = a - d;
        var p = 0.5 * temp;
        var bcMax = Math.Max(Math.Abs(b), Math.Abs(c));
        var bcMis = Math.Min(Math.Abs(b), Math.Abs(c)) * Math.Sign(b) * Math.Sign(c);
        var scale = Math.Max(Math.Abs(p), bcMax);
        var z = (p / scale * p) + (bcMax / scale * bcMis);
        if (z >= Undecided)
        {
            // Real eigenvalues, computed without cancellation.
            z = p + Math.CopySign(Math.Sqrt(scale) * Math.Sqrt(z), p);
            first = d + z;
            second = d - (bcMax / z * bcMis);
            return;
        }

        StandardForm(a, b, c, d, temp, out first, out second);
    }

    /// <summary>The complex or (almost) equal real case: equalise the diagonal by a rotation, then read the pair off.</summary>
    private static void StandardForm(double a, double b, double c, double d, double temp, out Complex first, out Complex second)
    {
        var sigma = b + c;
        var tau = Math.Sqrt((sigma * sigma) + (temp * temp));
        if (!double.IsFinite(tau) || tau < 1e-150)
        {
            // Rescale by a power of two (exact) so that the squares neither overflow nor underflow.
            var factor = Math.ScaleB(1.0, -Math.ILogB(Math.Max(Math.Abs(sigma), Math.Abs(temp))));
            sigma *= factor;
            temp *= factor;
            tau = Math.Sqrt((sigma * sigma) + (temp * temp));
        }

        var p = 0.5 * temp;
        var cs = Math.Sqrt(0.5 * (1.0 + (Math.Abs(sigma) / tau)));
        var sn = -(p / (tau * cs)) * (sigma >= 0.0 ? 1.0 : -1.0);

        // [aa bb; cc dd] = [a b; c d]·[cs −sn; sn cs], then [a b; c d] = [cs sn; −sn cs]·[aa bb; cc dd].
        var aa = (a * cs) + (b * sn);
        var bb = (-a * sn) + (b * cs);
        var cc = (c * cs) + (d * sn);
        var dd = (-c * sn) + (d * cs);
        b = (bb * cs) + (dd * sn);
        c = (-aa * sn) + (cc * cs);
        var mean = 0.5 * ((aa * cs) + (cc * sn) + (-bb * sn) + (dd * cs));
        if (c != 0.0 && b != 0.0 && Math.Sign(b) == Math.Sign(c))
        {
            // Real eigenvalues after all: mean ± √(bc).
            var offset = Math.CopySign(Math.Sqrt(Math.Abs(b)) * Math.Sqrt(Math.Abs(c)), c);
            first = mean + offset;
            second = mean - offset;
            return;
        }

        if (c == 0.0 || b == 0.0)
        {
            first = mean;
            second = mean;
            return;
        }

        var imaginary = Math.Sqrt(Math.Abs(b)) * Math.Sqrt(Math.Abs(c));
        first = new Complex(mean, imaginary);
        second = new Complex(mean, -imaginary);
    }
}
