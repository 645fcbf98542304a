using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
internal static class ManagedGemm
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

    /// <summary>Packs op(B)[pc.., jc..] (kc×nc) as panels of 8 columns, panel[p·8 + j], zero-padded.</summary>
    private static void PackB(bool transposeB, ReadOnlySpan<double> b, int ldb, int pc, int jc, int kc, int nc, Span<double> pack)
    {
        var panels = (nc + Nr - 1) / Nr;
        for (var jp = 0; jp < panels; jp++)
        {
            var j0 = jc + (jp * Nr);
            var width = Math.Min(Nr, jc + nc - j0);
            var panel = pack.Slice(jp * kc * Nr, kc * Nr);
            if (width < Nr)
            {
                panel.Clear();
            }

            if (!transposeB)
            {
                for (var p = 0; p < kc; p++)
                {
                    b.Slice(((pc + p) * ldb) + j0, width).CopyTo(panel.Slice(p * Nr, width));
                }
            }
            else
            {
                // Column j of op(B) = row j of B: contiguous in p.
                for (var jj = 0; jj < width; jj++)
                {
                    var source = b.Slice(((j0 + jj) * ldb) + pc, kc);
                    for (var p = 0; p < kc; p++)
                    {
                        panel[(p * Nr) + jj] = source[p];
                    }
                }
            }
        }
    }

    /// <summary>Packs α·op(A)[ic.., pc..] (mc×kc) as panels of 4 rows, panel[p·4 + r], zero-padded.</summary>
    private static void PackA(bool transposeA, double alpha, ReadOnlySpan<double> a, int lda, int ic, int pc, int mc, int kc, Span<double> pack)
    {
        var panels = (mc + Mr - 1) / Mr;
        for (var ip = 0; ip < panels; ip++)
        {
            var i0 = ic + (ip * Mr);
            var height = Math.Min(Mr, ic + mc - i0);
            var panel = pack.Slice(ip * kc * Mr, kc * Mr);
            if (height < Mr)
            {
                panel.Clear();
            }

            if (!transposeA)
            {
                for (var r = 0; r < height; r++)
                {
                    var source = a.Slice(((i0 + r) * lda) + pc, kc);
                    for (var p = 0; p < kc; p++)
                    {
                        panel[(p * Mr) + r] = alpha * source[p];
                    }
                }
            }
            else
            {
                // Row i of op(A) = column i of A: for each p the 4 rows of the panel are contiguous in A's row p.
                for (var p = 0; p < kc; p++)
                {
                    var source = a.Slice(((pc + p) * lda) + i0, height);
                    for (var r = 0; r < height; r++)
                    {
                        panel[(p * Mr) + r] = alpha * source[r];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(int kc, ref double aPanel, ref double bPanel, Span<double> c, int offset, int ldc, int rows, int cols)
    {
        var c00 = Vector256<double>.Zero;
        var c01 = Vector256<double>.Zero;
        var c10 = Vector256<double>.Zero;
        var c11 = Vector256<double>.Zero;
        var c20 = Vector256<double>.Zero;
        var c21 = Vector256<double>.Zero;
        var c30 = Vector256<double>.Zero;
        var c31 = Vector256<double>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bPanel, (nuint)(p * Nr));
            var b1 = Vector256.LoadUnsafe(ref bPanel, (nuint)((p * Nr) + 4));
            ref var ap = ref Unsafe.Add(ref aPanel, p * Mr);
            var a0 = Vector256.Create(ap);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref ap, 1));
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref ap, 2));
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref ap, 3));
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
        }

        if (rows == Mr && cols == Nr)
        {
            AddRow(c.Slice(offset, Nr), c00, c01);
            AddRow(c.Slice(offset + ldc, Nr), c10, c11);
            AddRow(c.Slice(offset + (2 * ldc), Nr), c20, c21);
            AddRow(c.Slice(offset + (3 * ldc), Nr), c30, c31);
            return;
        }

        Span<double> tile = stackalloc double[Mr * Nr];
        ref var t = ref MemoryMarshal.GetReference(tile);
        c00.StoreUnsafe(ref t, 0);
        c01.StoreUnsafe(ref t, 4);
        c10.StoreUnsafe(ref t, 8);
        c11.StoreUnsafe(ref t, 12);
        c20.StoreUnsafe(ref t, 16);
        c21.StoreUnsafe(ref t, 20);
        c30.StoreUnsafe(ref t, 24);
        c31.StoreUnsafe(ref t, 28);
        for (var r = 0; r < rows; r++)
        {
            var cRow = c.Slice(offset + (r * ldc), cols);
            for (var j = 0; j < cols; j++)
            {
                cRow[j] += tile[(r * Nr) + j];
            }
        }
    }

    private static void AddRow(Span<double> row, Vector256<double> low, Vector256<double> high)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        (Vector256.LoadUnsafe(ref r) + low).StoreUnsafe(ref r);
        (Vector256.LoadUnsafe(ref r, 4) + high).StoreUnsafe(ref r, 4);
    }
}
