using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The portable implementation of <see cref="IDenseKernels"/>: pure C# with Vector256 fused multiply–add, no native
/// dependency. It is the fallback when OpenBLAS is absent and the reference the native kernels are tested against.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>GEMM: cache-blocked, packed, 4×8 register-tiled micro-kernel (<see cref="ManagedGemm"/>).</item>
/// <item>GEMV: Vector256 FMA dot products (no transpose) or row axpys (transpose) (<see cref="ManagedGemv"/>);
/// a GEMM with one column or one row runs as a GEMV.</item>
/// <item>QR: Householder, Q formed explicitly, diag(R) ≥ 0 (<see cref="HouseholderQr"/>).</item>
/// <item>Gram matrix: the packed GEMM on AᵀA; Cholesky: right-looking row axpys (<see cref="CholeskyDecomposition"/>);
/// triangular solve A·R⁻¹: column blocks with GEMM updates (<see cref="TriangularSolve"/>).</item>
/// <item>Eigenvalues: dgeev's pipeline — balancing with isolation of eigenvalues, Householder reduction to
/// Hessenberg form, Francis double-shift QR as in dlahqr (<see cref="ManagedEigenvalues"/>); about 0.1 s at
/// n = 400 on one core.</item>
/// <item>LU: partial pivoting; singular when a pivot ≤ n·ε·max|A_ij| (<see cref="LuDecomposition"/>).</item>
/// </list>
/// Stateless and thread-safe; scratch is rented from <see cref="ArrayPool{T}.Shared"/>. Loops are bounded but do
/// not observe cancellation (an n = 1000 eigensolve takes seconds, not minutes).
/// </remarks>
public sealed class ManagedDenseKernels : IDenseKernels
{
    /// <inheritdoc />
    public string Name => "managed";

    /// <summary>Human-readable detail for logs and result metadata, e.g. "managed (Vector256 FMA)".</summary>
    public static string Description =>
        Vector256.IsHardwareAccelerated ? "managed (Vector256 FMA)" : "managed (scalar; Vector256 not accelerated)";

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        DenseArguments.Gemm(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (!ManagedGemm.TryRunAsGemv(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc))
        {
            ManagedGemm.Run(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
    }

    /// <inheritdoc />
    public void Gemv(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        DenseArguments.Gemv(transposeA, m, n, a.Length, lda, x.Length, y.Length);
        ManagedGemv.Run(transposeA, m, n, alpha, a, lda, x, beta, y);
    }

    /// <inheritdoc />
    public void QrThin(Span<double> a, int m, int k, Span<double> r)
    {
        DenseArguments.QrThin(a.Length, m, k, r.Length);
        HouseholderQr.Factor(a, m, k, r);
    }

    /// <inheritdoc />
    public void Gram(ReadOnlySpan<double> a, int m, int k, Span<double> g)
    {
        DenseArguments.Tall("a", m, k, a.Length);
        DenseArguments.Square("g", k, g.Length);

        // The full product through the packed GEMM (2mk² flops) beats a triangle-only loop that cannot use the
        // micro-kernel; it also fills the lower triangle, which the contract leaves unspecified.
        ManagedGemm.Run(true, false, k, k, m, 1.0, a, Math.Max(1, k), a, Math.Max(1, k), 0.0, g, Math.Max(1, k));
    }

    /// <inheritdoc />
    public bool CholeskyUpper(Span<double> g, int k)
    {
        DenseArguments.Square("g", k, g.Length);
        return CholeskyDecomposition.FactorUpper(g, k);
    }

    /// <inheritdoc />
    public void SolveUpperTriangularRight(Span<double> a, int m, int k, ReadOnlySpan<double> r)
    {
        DenseArguments.Tall("a", m, k, a.Length);
        DenseArguments.Square("r", k, r.Length);
        TriangularSolve.RightUpper(a, m, k, r);
    }

    /// <inheritdoc />
    public void GramOfRows(ReadOnlySpan<double> a, int k, int m, Span<double> g)
    {
        DenseArguments.Tall("a", k, m, a.Length);
        DenseArguments.Square("g", k, g.Length);
        ManagedGemm.Run(false, true, k, k, m, 1.0, a, Math.Max(1, m), a, Math.Max(1, m), 0.0, g, Math.Max(1, k));
    }

    /// <inheritdoc />
    public void SolveUpperTriangularTransposedLeft(Span<double> a, int k, int m, ReadOnlySpan<double> r)
    {
        DenseArguments.Tall("a", k, m, a.Length);
        DenseArguments.Square("r", k, r.Length);
        TriangularSolve.TransposedLeftUpper(a, k, m, r);
    }

    /// <inheritdoc />
    public bool Eigenvalues(ReadOnlySpan<double> a, int n, Span<Complex> eigenvalues)
    {
        DenseArguments.Square("a", n, a.Length);
        DenseArguments.Vector("eigenvalues", n, eigenvalues.Length);
        return ManagedEigenvalues.Compute(a, n, eigenvalues);
    }

    /// <inheritdoc />
    public bool LuSolve(Span<double> a, int n, Span<double> b, int nrhs)
    {
        DenseArguments.Square("a", n, a.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(nrhs);
        DenseArguments.Vector("b", checked(n * nrhs), b.Length);
        return LuDecomposition.Solve(a, n, b, nrhs);
    }

    internal static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var x in values)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }
        }

        return true;
    }
}
