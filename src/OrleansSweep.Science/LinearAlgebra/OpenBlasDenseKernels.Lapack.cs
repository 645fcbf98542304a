using System.Buffers;
using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

// The LAPACKE-backed operations: thin QR (dgeqrf + dorgqr), eigenvalues (dgeev) and LU solve (dgesv).
public sealed unsafe partial class OpenBlasDenseKernels
{
    /// <inheritdoc />
    public void QrThin(Span<double> a, int m, int k, Span<double> r)
    {
        DenseArguments.QrThin(a.Length, m, k, r.Length);
        if (k == 0)
        {
            return;
        }

        var tau = ArrayPool<double>.Shared.Rent(k);
        try
        {
            fixed (double* pa = a, ptau = tau)
            {
                Check(native.Dgeqrf(OpenBlasNative.RowMajor, m, k, pa, k, ptau), "LAPACKE_dgeqrf");
                for (var i = 0; i < k; i++)
                {
                    var rRow = r.Slice(i * k, k);
                    rRow[..i].Clear();
                    a.Slice((i * k) + i, k - i).CopyTo(rRow[i..]);
                }

                Check(native.Dorgqr(OpenBlasNative.RowMajor, m, k, k, pa, k, ptau), "LAPACKE_dorgqr");
            }

            HouseholderQr.NormaliseSigns(a, m, k, r);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(tau);
        }
    }

    /// <inheritdoc />
    public bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues)
    {
        DenseArguments.Square("a", n, a.Length);
        DenseArguments.Vector("eigenvalues", n, eigenvalues.Length);
        if (n == 0)
        {
            return true;
        }

        if (!ManagedDenseKernels.AllFinite(a[..(n * n)]))
        {
            return false;
        }

        var work = ArrayPool<double>.Shared.Rent((n * n) + (2 * n));
        try
        {
            a[..(n * n)].CopyTo(work);
            int info;
            fixed (double* pw = work)
            {
                // A row-major A is a column-major Aᵀ, which has the same eigenvalues: passing it as column-major
                // skips LAPACKE's transposed copy. jobvl = jobvr = 'N': eigenvalues only.
                info = native.Dgeev(
                    OpenBlasNative.ColumnMajor, (byte)'N', (byte)'N', n, pw, n, pw + (n * n), pw + (n * n) + n, null, 1, null, 1);
            }

            if (info < 0)
            {
                Check(info, "LAPACKE_dgeev");
            }

            if (info > 0)
            {
                return false;
            }

            for (var i = 0; i < n; i++)
            {
                eigenvalues[i] = new Complex(work[(n * n) + i], work[(n * n) + n + i]);
            }

            return true;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

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

        if (nrhs == 0)
        {
            // LAPACKE rejects ldb = 0 in row-major; a factorisation without right-hand sides is the managed one's.
            return LuDecomposition.Solve(a, n, b, 0);
        }

        var pivots = ArrayPool<int>.Shared.Rent(n);
        try
        {
            int info;
            fixed (double* pa = a, pb = b)
            fixed (int* pp = pivots)
            {
                info = native.Dgesv(OpenBlasNative.RowMajor, n, nrhs, pa, n, pp, pb, nrhs);
            }

            if (info < 0)
            {
                Check(info, "LAPACKE_dgesv");
            }

            if (info > 0)
            {
                return false;
            }

            for (var j = 0; j < n; j++)
            {
                if (!(Math.Abs(a[(j * n) + j]) > threshold))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pivots);
        }
    }
}
