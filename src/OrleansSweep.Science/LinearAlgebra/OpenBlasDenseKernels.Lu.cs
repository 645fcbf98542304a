using System.Buffers;

namespace OrleansSweep.Science.LinearAlgebra;

// LU solve through LAPACKE dgetrf + dgetrs on the row-major buffer read as the column-major Aᵀ.
public sealed unsafe partial class OpenBlasDenseKernels
{
    /// <inheritdoc />
    public bool LuSolve(Span<double> a, int n, Span<double> b, int nrhs)
    {
        DenseArguments.Square("a", n, a.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(nrhs);
        DenseArguments.Vector("b", checked(n * nrhs), b.Length);
        if (n == 0)
        {
            return true;
        }

        // Same rule as the managed LU: a pivot ≤ n·ε·max|A_ij| means singular to working precision.
        var threshold = LuDecomposition.SingularityThreshold(a[..(n * n)], n);
        if (!(threshold > 0.0))
        {
            return false;
        }

        var pivots = ArrayPool<int>.Shared.Rent(n);
        try
        {
            fixed (double* pa = a)
            fixed (int* pp = pivots)
            {
                // Row-major A is column-major Aᵀ: factor Aᵀ = P·L·U in place (no transposed copy as LAPACKE's
                // row-major dgesv made), then A·X = (Aᵀ)ᵀ·X = B is dgetrs with trans = 'T' on those factors.
                var info = native.Dgetrf(OpenBlasNative.ColumnMajor, n, n, pa, n, pp);
                if (info < 0)
                {
                    Check(info, "LAPACKE_dgetrf");
                }

                // info > 0 is an exactly zero pivot; the threshold also catches pivots that are rounding noise.
                // U's diagonal sits at a[j·n + j] in either reading of the buffer.
                if (info > 0 || !PivotsAboveThreshold(a, n, threshold))
                {
                    return false;
                }

                if (nrhs > 0)
                {
                    SolveFactored(pa, n, pp, b, nrhs);
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pivots);
        }
    }

    private static bool PivotsAboveThreshold(ReadOnlySpan<double> lu, int n, double threshold)
    {
        for (var j = 0; j < n; j++)
        {
            if (!(Math.Abs(lu[(j * n) + j]) > threshold))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>B (n×nrhs row-major) ← A⁻¹·B from the factors of Aᵀ.</summary>
    /// <remarks>dgetrs wants B column-major (n×nrhs, leading dimension n). One right-hand side is the same vector
    /// in both layouts; several are transposed into pooled scratch and back (O(n·nrhs), next to O(n²·nrhs)).</remarks>
    private void SolveFactored(double* lu, int n, int* pivots, Span<double> b, int nrhs)
    {
        if (nrhs == 1)
        {
            fixed (double* pb = b)
            {
                Check(native.Dgetrs(OpenBlasNative.ColumnMajor, (byte)'T', n, 1, lu, n, pivots, pb, n), "LAPACKE_dgetrs");
            }

            return;
        }

        var columns = ArrayPool<double>.Shared.Rent(n * nrhs);
        try
        {
            Transposition.Run(b, n, nrhs, nrhs, columns, n);

            fixed (double* pc = columns)
            {
                Check(native.Dgetrs(OpenBlasNative.ColumnMajor, (byte)'T', n, nrhs, lu, n, pivots, pc, n), "LAPACKE_dgetrs");
            }

            Transposition.Run(columns, nrhs, n, n, b, nrhs);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(columns);
        }
    }
}
