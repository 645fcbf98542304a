using System.Buffers;
using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The managed eigenvalue pipeline, in LAPACK dgeev's order (eigenvalues only): isolate eigenvalues by permutation
/// (dgebal 'P'), scale the remaining block (dgebal 'S'), reduce it to Hessenberg form (dgehrd) and run the Francis
/// double-shift QR iteration (dlahqr).
/// </summary>
/// <remarks>
/// Isolated eigenvalues are read off the diagonal exactly. The active block is compacted to the front of the work
/// buffer so that the later stages see an ordinary dense matrix. Like dgeev, a matrix whose largest entry lies
/// outside [√SafeMinimum/ε, its reciprocal] ≈ [7e-139, 1e138] is first scaled into range — here by a power of two,
/// so that the scaling and its undoing on the eigenvalues are exact — otherwise products in the QR iteration would
/// underflow or overflow. Returns false for non-finite input or when the QR iteration exceeds its budget (see
/// <see cref="FrancisQr"/>).
/// </remarks>
internal static class ManagedEigenvalues
{
    // dgeev's SMLNUM = √(SafeMinimum)/ε and BIGNUM = 1/SMLNUM.
    private const double SmallNorm = 1.4916681462400413e-154 / 2.220446049250313e-16;
    private const double BigNorm = 1.0 / SmallNorm;

    public static bool Compute(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues)
    {
        if (n == 0)
        {
            return true;
        }

        var buffer = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            var work = buffer.AsSpan(0, n * n);
            a[..(n * n)].CopyTo(work);
            if (!ManagedDenseKernels.AllFinite(work))
            {
                return false;
            }

            var exponent = RangeExponent(work);
            if (exponent != 0)
            {
                for (var i = 0; i < work.Length; i++)
                {
                    work[i] = Math.ScaleB(work[i], -exponent);
                }
            }

            var converged = Solve(work, n, eigenvalues);
            if (exponent != 0)
            {
                for (var i = 0; i < n; i++)
                {
                    eigenvalues[i] = new Complex(Math.ScaleB(eigenvalues[i].Real, exponent), Math.ScaleB(eigenvalues[i].Imaginary, exponent));
                }
            }

            return converged;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Isolation, scaling, Hessenberg reduction and QR on the finite n×n matrix in <paramref name="work"/>.</summary>
    private static bool Solve(Span<double> work, int n, Span<Complex> eigenvalues)
    {
        Balancing.Isolate(work, n, out var low, out var high);
        for (var i = 0; i < low; i++)
        {
            eigenvalues[i] = work[(i * n) + i];
        }

        for (var i = high + 1; i < n; i++)
        {
            eigenvalues[i] = work[(i * n) + i];
        }

        var m = high - low + 1;
        if (m <= 0)
        {
            return true;
        }

        // Row i of the block moves from offset (low + i)·n + low to i·m ≤ that offset: an in-place forward copy.
        for (var i = 0; i < m; i++)
        {
            work.Slice(((low + i) * n) + low, m).CopyTo(work.Slice(i * m, m));
        }

        var block = work[..(m * m)];
        Balancing.Scale(block, m);
        HessenbergReduction.Reduce(block, m);
        return FrancisQr.Eigenvalues(block, m, eigenvalues.Slice(low, m));
    }

    /// <summary>The binary exponent e such that A·2^−e has its largest entry in [1, 2), or 0 when A is in range.</summary>
    private static int RangeExponent(ReadOnlySpan<double> a)
    {
        var max = 0.0;
        foreach (var x in a)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max > 0.0 && (max < SmallNorm || max > BigNorm) ? Math.ILogB(max) : 0;
    }
}
