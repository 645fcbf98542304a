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
public sealed unsafe partial class OpenBlasDenseKernels : IDenseKernels
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
