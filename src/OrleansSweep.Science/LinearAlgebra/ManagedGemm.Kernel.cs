using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OrleansSweep.Science.LinearAlgebra;

// The 4×8 register-tiled Vector256 FMA micro-kernel: C[4×8] += Apanel[4×kc]·Bpanel[kc×8].
internal static partial class ManagedGemm
{
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
