namespace OrleansSweep.Science.LinearAlgebra;

// Packing of op(A) and op(B) into the micro-kernel's panel layouts (transposes are absorbed here).
internal static partial class ManagedGemm
{
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
}
