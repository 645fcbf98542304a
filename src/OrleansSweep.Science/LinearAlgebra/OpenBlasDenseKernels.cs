namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// <see cref="IDenseKernels"/> on the system's OpenBLAS (cblas_dgemm, cblas_dgemv) and LAPACKE (dgeqrf + dorgqr,
/// dgeev, dgetrf + dgetrs), called through unmanaged function pointers with pinned spans.
/// </summary>
/// <remarks>
/// <para>Obtain the instance from <see cref="DenseKernels.OpenBlas"/> (null when the libraries are absent; on Debian
/// they come from the packages libopenblas0-pthread and liblapacke). Loading sets OpenBLAS to one thread, once:
/// the cores go to independent realisations and cells, and nested BLAS threads would oversubscribe them.
/// With one BLAS thread the calls run on the caller's thread and are safe to make concurrently.</para>
/// <para>GEMM and GEMV allocate nothing; a GEMM with one column or one row runs as cblas_dgemv. QR, eigenvalues and
/// LU rent scratch from the array pool and call LAPACK in column-major layout: eigenvalues and LU read the row-major
/// buffer as the column-major Aᵀ (dgeev of Aᵀ; dgetrf of Aᵀ, solved with trans = 'T'), so A is never copied; QR
/// transposes once in and once out (LAPACKE's row-major wrappers copied four times). Semantics match
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
        var core = native.CoreName();
        Description = $"openblas ({native.BlasLibrary} + {native.LapackeLibrary}, {threads} thread{(threads == 1 ? string.Empty : "s")}"
            + (core is null ? string.Empty : $", {core} kernels")
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
            if (alpha != 0.0 && (n == 1 || m == 1))
            {
                // A one-column (or one-row) product is a GEMV; dgemm was measured 3–7× slower on it. cblas_dgemv
                // takes the strides of the gathered vector and of C directly, so nothing is copied.
                GemmAsGemv(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
                return;
            }

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

    /// <summary>C ← α·op(A)·op(B) + β·C for n = 1 or m = 1 (non-empty, α ≠ 0) through cblas_dgemv.</summary>
    private void GemmAsGemv(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, double* a, int lda, double* b, int ldb, double beta, double* c, int ldc)
    {
        if (n == 1)
        {
            // C[:, 0] (stride ldc) = α·op(A)·x + β·C[:, 0], x = op(B)[:, 0]: B stored k×1 (stride ldb) or 1×k.
            var (rows, cols) = transposeA ? (k, m) : (m, k);
            native.Dgemv(OpenBlasNative.RowMajor, Trans(transposeA), rows, cols, alpha, a, lda, b, transposeB ? 1 : ldb, beta, c, ldc);
            return;
        }

        // m = 1: C[0, :] = α·op(B)ᵀ·x + β·C[0, :], x = op(A)[0, :]: A stored 1×k or k×1 (stride lda); op(B)ᵀ is
        // Bᵀ for B stored k×n and B itself for B stored n×k.
        var (bRows, bCols) = transposeB ? (n, k) : (k, n);
        native.Dgemv(OpenBlasNative.RowMajor, Trans(!transposeB), bRows, bCols, alpha, b, ldb, a, transposeA ? lda : 1, beta, c, 1);
    }

    private static void Check(int info, string function)
    {
        if (info != 0)
        {
            // A negative info is an illegal argument (a bug here, as arguments were validated); -1011 is out of memory.
            throw new InvalidOperationException($"{function} failed with info = {info}.");
        }
    }
}
