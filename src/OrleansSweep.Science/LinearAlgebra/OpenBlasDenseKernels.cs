using System.Buffers;
using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// <see cref="IDenseKernels"/> on the system's OpenBLAS (cblas_dgemm, cblas_dgemv) and LAPACKE (dgeqrf + dorgqr,
/// dgeev, dgesv), called through unmanaged function pointers with pinned spans.
/// </summary>
/// <remarks>
/// <para>Obtain the instance from <see cref="DenseKernels.OpenBlas"/> (null when the libraries are absent; on Debian
/// they come from the packages libopenblas0-pthread and liblapacke). Loading sets OpenBLAS to one thread, once:
/// the cores go to independent realisations and cells, and nested BLAS threads would oversubscribe them.
/// With one BLAS thread the calls run on the caller's thread and are safe to make concurrently.</para>
/// <para>GEMM and GEMV allocate nothing. QR, eigenvalues and LU rent scratch from the array pool; LAPACKE's
/// row-major wrappers transpose internally (an O(n²) copy next to the O(n³) work). Semantics match
/// <see cref="ManagedDenseKernels"/> exactly where BLAS leaves them open: empty products scale C (or y) by β,
/// non-finite input to the eigensolver returns false, and LU uses the same singularity threshold.</para>
/// </remarks>
public sealed unsafe class OpenBlasDenseKernels : IDenseKernels
{
    private readonly OpenBlasNative native;

    private OpenBlasDenseKernels(OpenBlasNative loaded)
    {
        native = loaded;
        native.SetNumThreads(1);
        var threads = native.GetNumThreads == null ? 1 : native.GetNumThreads();
        var config = native.Config();
        Description = $"openblas ({native.BlasLibrary} + {native.LapackeLibrary}, {threads} thread{(threads == 1 ? string.Empty : "s")}"
            + (config is null ? ")" : $", {config})");
    }

    /// <inheritdoc />
    public string Name => "openblas";

    /// <summary>Human-readable detail for logs and result metadata, e.g. "openblas (libopenblas.so.0 + liblapacke.so.3, 1 thread, OpenBLAS 0.3.21 …)".</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        DenseArguments.Gemm(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0 || k == 0)
        {
            // BLAS implementations differ on empty products; define it as C ← β·C like the managed kernel.
            for (var i = 0; i < m; i++)
            {
                VectorOps.Scale(beta, c.Slice(i * ldc, n));
            }

            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            native.Dgemm(
                OpenBlasNative.RowMajor, Trans(transposeA), Trans(transposeB), m, n, k,
                alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <inheritdoc />
    public void Gemv(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        DenseArguments.Gemv(transposeA, m, n, a.Length, lda, x.Length, y.Length);
        if (m == 0 || n == 0)
        {
            VectorOps.Scale(beta, y[..(transposeA ? n : m)]);
            return;
        }

        fixed (double* pa = a, px = x, py = y)
        {
            native.Dgemv(OpenBlasNative.RowMajor, Trans(transposeA), m, n, alpha, pa, lda, px, 1, beta, py, 1);
        }
    }

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

    /// <summary>Loads the native libraries; null (with the reason) when they or a required symbol are missing.</summary>
    internal static OpenBlasDenseKernels? TryCreate(out string? failure)
    {
        var native = OpenBlasNative.TryLoad(out failure);
        return native is null ? null : new OpenBlasDenseKernels(native);
    }

    private static int Trans(bool transpose) => transpose ? OpenBlasNative.Transpose : OpenBlasNative.NoTranspose;

    private static void Check(int info, string function)
    {
        if (info != 0)
        {
            // A negative info is an illegal argument (a bug here, as arguments were validated); -1011 is out of memory.
            throw new InvalidOperationException($"{function} failed with info = {info}.");
        }
    }
}
