using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The one seam through which every dense O(N²)–O(N³) kernel of the science runs. Two implementations:
/// the system's OpenBLAS/LAPACK through P/Invoke (fast) and a managed fallback (portable).
/// </summary>
/// <remarks>
/// All matrices are <b>row-major</b> with an explicit leading dimension (elements between rows).
/// Implementations are thread-safe; native ones run one BLAS thread per call so that the cores go to
/// independent realisations and cells instead of oversubscribing.
/// </remarks>
public interface IDenseKernels
{
    /// <summary>"openblas" or "managed": recorded with every result.</summary>
    string Name { get; }

    /// <summary>C ← α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n, C m×n.</summary>
    void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc);

    /// <summary>y ← α·op(A)·x + β·y with A m×n (op(A) is n×m when transposed).</summary>
    void Gemv(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <summary>
    /// Thin QR of the m×k matrix A (m ≥ k, leading dimension k) in place: A ← Q with orthonormal columns,
    /// <paramref name="r"/> (k×k, row-major) ← R, normalised so that diag(R) ≥ 0.
    /// </summary>
    void QrThin(Span<double> a, int m, int k, Span<double> r);

    /// <summary>
    /// Eigenvalues of the general n×n matrix A (row-major, leading dimension n; A is left unchanged).
    /// Returns false when the eigensolver did not converge.
    /// </summary>
    bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues);

    /// <summary>
    /// Solves A·X = B in place: A (n×n) is overwritten by its LU factors, B (n×nrhs, row-major) by X.
    /// Returns false when A is singular to working precision.
    /// </summary>
    bool LuSolve(Span<double> a, int n, Span<double> b, int nrhs);
}
