using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Models;

/// <summary>The matrix products of the tangent maps: W·V for a weight matrix W and a row-major basis V of k columns.</summary>
internal static class MatrixProducts
{
    /// <summary>
    /// C (rows × columns) ← α·A·B + β·C with A rows × inner (row-major, leading dimension inner) and B inner × columns;
    /// one GEMV when columns = 1.
    /// </summary>
    /// <remarks>
    /// A single column through GEMM pays the packing and a full 8-wide register panel for one useful column: measured
    /// 5–25× slower than GEMV, and k = 1 is the common λ_max-only run. With one column B and C are contiguous vectors.
    /// β = 0 makes C write-only (BLAS semantics), β = 1 accumulates without a scaling pass.
    /// </remarks>
    public static void Times(
        IDenseKernels kernels, int rows, int inner, double alpha, ReadOnlySpan<double> a, ReadOnlySpan<double> b, int columns,
        double beta, Span<double> c)
    {
        if (columns == 1)
        {
            kernels.Gemv(false, rows, inner, alpha, a, inner, b[..inner], beta, c[..rows]);
            return;
        }

        kernels.Gemm(false, false, rows, columns, inner, alpha, a, inner, b, columns, beta, c, columns);
    }
}
