using System.Numerics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The one seam through which every dense O(N²)–O(N³) kernel of the science runs. Two implementations:
/// the system's OpenBLAS/LAPACK through P/Invoke (fast) and a managed fallback (portable).
/// </summary>
/// <remarks>
/// <para>All matrices are <b>row-major</b> with an explicit leading dimension (elements between rows).
/// Implementations are thread-safe; native ones run one BLAS thread per call so that the cores go to
/// independent realisations and cells instead of oversubscribing.</para>
/// <para>Obtain an implementation from <see cref="DenseKernels.Default"/> (chosen by the environment variable
/// ORLEANSSWEEP_KERNELS), or <see cref="DenseKernels.Managed"/> / <see cref="DenseKernels.OpenBlas"/> explicitly, and
/// record <see cref="Name"/> (or <see cref="DenseKernels.Describe()"/>) with every result.</para>
/// <para>Shared contract of both implementations: a matrix with r rows, c columns and leading dimension ld needs
/// ld ≥ max(1, c) and a span of at least (r − 1)·ld + c elements, otherwise
/// <see cref="ArgumentException"/>/<see cref="ArgumentOutOfRangeException"/> is thrown before any work (these are
/// programming errors). Elements between rows (the padding) are never read or written. Outputs must not overlap
/// inputs. Numerical failure (non-convergence, singularity, non-finite input to a factorisation) is reported by a
/// false return, never by an exception. The managed and native results agree to ~1e-10 relative on
/// well-conditioned inputs, not bit for bit. The loops are bounded and run for at most seconds at N ≈ 1000, so they
/// take no CancellationToken.</para>
/// </remarks>
public interface IDenseKernels
{
    /// <summary>"openblas" or "managed": recorded with every result.</summary>
    string Name { get; }

    /// <summary>C ← α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n, C m×n.</summary>
    /// <remarks>
    /// op(X) = Xᵀ when the transpose flag is set: A is then stored k×m (lda ≥ m), B stored n×k (ldb ≥ k).
    /// BLAS semantics for β = 0: C is write-only (NaN in it does not propagate). An empty product (k = 0 or
    /// α = 0) only scales C by β. Rounding: each entry within a small multiple of k·ε·(|α|·|op(A)|·|op(B)| + |β|·|C|).
    /// </remarks>
    void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc);

    /// <summary>y ← α·op(A)·x + β·y with A m×n (op(A) is n×m when transposed).</summary>
    /// <remarks>
    /// x has n elements and y m elements without transpose; x m and y n with it (unit strides). β = 0 makes y
    /// write-only; an empty A only scales y by β.
    /// </remarks>
    void Gemv(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <summary>
    /// Thin QR of the m×k matrix A (m ≥ k, leading dimension k) in place: A ← Q with orthonormal columns,
    /// <paramref name="r"/> (k×k, row-major) ← R, normalised so that diag(R) ≥ 0.
    /// </summary>
    /// <remarks>
    /// Householder based, hence backward-stable: ‖QᵀQ − I‖ and ‖QR − A‖/‖A‖ are O(ε) (tested at 1e-12) even for
    /// rank-deficient A; a column dependent on the previous ones gives R[j, j] = 0 (to rounding). With diag(R) &gt; 0
    /// the factorisation is unique, so every implementation returns the same Q and R up to rounding: log R[j, j]
    /// are the per-step growth rates of the Lyapunov (Benettin) algorithm. The strictly lower triangle of R is zeroed.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when m &lt; k.
    /// </remarks>
    void QrThin(Span<double> a, int m, int k, Span<double> r);

    /// <summary>G ← AᵀA, the Gram matrix of the columns of the m×k matrix A (leading dimension k), as in dsyrk.</summary>
    /// <remarks>
    /// The upper triangle of <paramref name="g"/> (k×k, row-major) including the diagonal is written; the strictly
    /// lower triangle is unspecified afterwards (native code leaves it alone, managed code may fill it). Cost m·k²
    /// flops natively (symmetry halves the GEMM). Rounding as for <see cref="Gemm"/> with K = m.
    /// </remarks>
    void Gram(ReadOnlySpan<double> a, int m, int k, Span<double> g);

    /// <summary>
    /// Cholesky factorisation in place: the upper triangle of the symmetric k×k <paramref name="g"/> ← R with
    /// G = RᵀR, R upper triangular with a positive diagonal (as in dpotrf). Returns false when G is not positive
    /// definite to working precision.
    /// </summary>
    /// <remarks>
    /// Only the upper triangle of G is read; the strictly lower triangle is unspecified afterwards. False (R then
    /// partial) when some pivot is ≤ 0 or not finite, i.e. cond(G) ≳ 1/ε or G holds NaN. Backward-stable:
    /// RᵀR = G + δG with |δG| = O(k·ε)·|Rᵀ|·|R|. Cost k³/3 flops.
    /// </remarks>
    bool CholeskyUpper(Span<double> g, int k);

    /// <summary>A ← A·R⁻¹ for the m×k matrix A (leading dimension k) and the upper-triangular k×k R (as in dtrsm).</summary>
    /// <remarks>
    /// Only the upper triangle of <paramref name="r"/> is read; its diagonal must be non-zero (a zero pivot gives
    /// ±∞/NaN, not an exception). Forward-stable to O(k·ε·κ(R)) per row. Cost m·k² flops.
    /// </remarks>
    void SolveUpperTriangularRight(Span<double> a, int m, int k, ReadOnlySpan<double> r);

    /// <summary>G ← A·Aᵀ, the Gram matrix of the rows of the k×m matrix A (leading dimension m), as in dsyrk without transpose.</summary>
    /// <remarks>
    /// The row form of <see cref="Gram"/> for bases stored one vector per row: same triangle, rounding and cost (m·k²
    /// natively). The strictly lower triangle of <paramref name="g"/> is unspecified afterwards.
    /// </remarks>
    void GramOfRows(ReadOnlySpan<double> a, int k, int m, Span<double> g);

    /// <summary>A ← R⁻ᵀ·A for the k×m matrix A (leading dimension m) and the upper-triangular k×k R (dtrsm, left, transposed).</summary>
    /// <remarks>
    /// The row form of <see cref="SolveUpperTriangularRight"/>: (A·R⁻¹)ᵀ = R⁻ᵀ·Aᵀ, so with one vector per row of A it
    /// orthonormalises the rows when R is the Cholesky factor of <see cref="GramOfRows"/>. Only the upper triangle of
    /// <paramref name="r"/> is read. Cost m·k² flops.
    /// </remarks>
    void SolveUpperTriangularTransposedLeft(Span<double> a, int k, int m, ReadOnlySpan<double> r);

    /// <summary>
    /// Eigenvalues of the general n×n matrix A (row-major, leading dimension n; A is left unchanged).
    /// Returns false when the eigensolver did not converge.
    /// </summary>
    /// <remarks>
    /// Eigenvalues only (no vectors), in no particular order; complex eigenvalues come as exact conjugate pairs,
    /// real ones have an imaginary part of exactly 0. Accuracy: backward error O(ε·‖A‖) after balancing, so a
    /// simple eigenvalue λ is accurate to about ε·‖A‖·κ(λ), a repeated semisimple one (e.g. −1/τ_z of a gated
    /// Jacobian) to O(ε·‖A‖), and a k-fold defective one only to O((ε·‖A‖)^(1/k)) (the mean of its cluster to O(ε)).
    /// Rows or columns that are exactly zero off the diagonal are isolated by balancing (as in dgeev), so their
    /// diagonal entries come back exactly. Returns false (contents of
    /// <paramref name="eigenvalues"/> then unspecified) when A holds NaN/∞ or the QR iteration does not converge
    /// within 30·max(10, n) sweeps per eigenvalue. Measured cost on one core: n = 400 ≈ 0.1 s managed, 0.06 s native;
    /// n = 900 ≈ 0.8 s managed, 0.3 s native.
    /// </remarks>
    bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues);

    /// <summary>
    /// Solves A·X = B in place: A (n×n) is overwritten by its LU factors, B (n×nrhs, row-major) by X.
    /// Returns false when A is singular to working precision.
    /// </summary>
    /// <remarks>
    /// Partial pivoting. "Singular to working precision" is the same rule in both implementations: some pivot
    /// |U_jj| ≤ n·ε·max|A_ij| (cond(A) ≳ 1/(nε)), an all-zero A, or a non-finite entry. When false is returned,
    /// A and B hold partial results. The factors' layout (and the pivot order) is implementation-specific.
    /// </remarks>
    bool LuSolve(Span<double> a, int n, Span<double> b, int nrhs);
}
