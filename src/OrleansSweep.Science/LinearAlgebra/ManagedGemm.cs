using System.Buffers;
using System.Runtime.Intrinsics;

namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Cache-blocked GEMM (the GotoBLAS loop nest): op(B) is packed in kc×nc blocks of 8-column panels, op(A) in
/// mc×kc blocks of 4-row panels (with α folded in), and a 4×8 register-tiled Vector256 FMA micro-kernel
/// accumulates each C tile. Packing also absorbs both transposes, so the kernel only ever streams contiguous data.
/// </summary>
/// <remarks>
/// Blocking: the B micro-panel (kc·8 doubles = 16 KB) lives in L1, the packed A block (mc·kc = 192 KB) in L2 and
/// the packed B block (kc·nc = 2 MB) in L3. Scratch comes from <see cref="ArrayPool{T}.Shared"/>, so calls are
/// thread-safe and allocation-free in steady state. Small products and machines without Vector256 take a plain
/// i-k-j loop (the same arithmetic, without the packing overhead).
/// </remarks>
internal static partial class ManagedGemm
{
    private const int Mr = 4;
    private const int Nr = 8;
    private const int Kc = 256;
    private const int Mc = 96;
    private const int Nc = 1024;
    private const long SmallProduct = 24 * 24 * 24;

    public static void Run(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        for (var i = 0; i < m; i++)
        {
            VectorOps.Scale(beta, c.Slice(i * ldc, n));
        }

        if (m == 0 || n == 0 || k == 0 || alpha == 0.0)
        {
            return;
        }

        if (!Vector256.IsHardwareAccelerated || (long)m * n * k <= SmallProduct)
        {
            Simple(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
            return;
        }

        var kcMax = Math.Min(Kc, k);
        var bPack = ArrayPool<double>.Shared.Rent(kcMax * Math.Min(Nc, RoundUp(n, Nr)));
        var aPack = ArrayPool<double>.Shared.Rent(kcMax * Math.Min(Mc, RoundUp(m, Mr)));
        try
        {
            for (var jc = 0; jc < n; jc += Nc)
            {
                var nc = Math.Min(Nc, n - jc);
                for (var pc = 0; pc < k; pc += Kc)
                {
                    var kc = Math.Min(Kc, k - pc);
                    PackB(transposeB, b, ldb, pc, jc, kc, nc, bPack);
                    for (var ic = 0; ic < m; ic += Mc)
                    {
                        var mc = Math.Min(Mc, m - ic);
                        PackA(transposeA, alpha, a, lda, ic, pc, mc, kc, aPack);
                        Macro(ic, jc, mc, nc, kc, aPack, bPack, c, ldc);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(aPack);
            ArrayPool<double>.Shared.Return(bPack);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static void Simple(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc)
    {
        for (var i = 0; i < m; i++)
        {
            var cRow = c.Slice(i * ldc, n);
            for (var p = 0; p < k; p++)
            {
                var aip = alpha * (transposeA ? a[(p * lda) + i] : a[(i * lda) + p]);
                if (!transposeB)
                {
                    VectorOps.Axpy(aip, b.Slice(p * ldb, n), cRow);
                }
                else
                {
                    for (var j = 0; j < n; j++)
                    {
                        cRow[j] = Math.FusedMultiplyAdd(aip, b[(j * ldb) + p], cRow[j]);
                    }
                }
            }
        }
    }

    private static void Macro(int ic, int jc, int mc, int nc, int kc, double[] aPack, double[] bPack, Span<double> c, int ldc)
    {
        var nPanels = (nc + Nr - 1) / Nr;
        var mPanels = (mc + Mr - 1) / Mr;
        for (var jp = 0; jp < nPanels; jp++)
        {
            var j0 = jc + (jp * Nr);
            var cols = Math.Min(Nr, jc + nc - j0);
            ref var bPanel = ref bPack[jp * kc * Nr];
            for (var ip = 0; ip < mPanels; ip++)
            {
                var i0 = ic + (ip * Mr);
                var rows = Math.Min(Mr, ic + mc - i0);
                Kernel(kc, ref aPack[ip * kc * Mr], ref bPanel, c, (i0 * ldc) + j0, ldc, rows, cols);
            }
        }
    }
}
