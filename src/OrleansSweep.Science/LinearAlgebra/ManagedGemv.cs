namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// The managed GEMV, y ← α·op(A)·x + β·y with A m×n row-major and unit-stride x and y: Vector256 FMA dot products
/// without transpose, row axpys with it. Shared by <see cref="ManagedDenseKernels.Gemv"/> and the one-column /
/// one-row GEMM shapes (<see cref="ManagedGemm"/>).
/// </summary>
/// <remarks>Arguments are validated by the caller. β = 0 makes y write-only (BLAS semantics).</remarks>
internal static class ManagedGemv
{
    public static void Run(
        bool transposeA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        if (!transposeA)
        {
            for (var i = 0; i < m; i++)
            {
                var dot = n == 0 ? 0.0 : VectorOps.Dot(a.Slice(i * lda, n), x);
                y[i] = beta == 0.0 ? alpha * dot : Math.FusedMultiplyAdd(alpha, dot, beta * y[i]);
            }

            return;
        }

        // y ← β·y + Σ_i (α·x_i)·A[i, :]: row axpys keep the access contiguous in row-major storage.
        var yn = y[..n];
        VectorOps.Scale(beta, yn);
        for (var i = 0; i < m; i++)
        {
            VectorOps.Axpy(alpha * x[i], a.Slice(i * lda, n), yn);
        }
    }
}
