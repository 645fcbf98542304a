namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>Out-of-place transposition of row-major matrices, the layout change in front of column-major LAPACK.</summary>
/// <remarks>Tiled (16×16 doubles = 2 KiB per tile of source and destination), so that both the strided reads and
/// the strided writes stay within L1 instead of touching a new cache line per element.</remarks>
internal static class Transposition
{
    private const int Tile = 16;

    /// <summary>dst (cols×rows, leading dimension dstLd) ← srcᵀ, src rows×cols with leading dimension srcLd.</summary>
    public static void Run(ReadOnlySpan<double> src, int rows, int cols, int srcLd, Span<double> dst, int dstLd)
    {
        for (var i0 = 0; i0 < rows; i0 += Tile)
        {
            var iEnd = Math.Min(rows, i0 + Tile);
            for (var j0 = 0; j0 < cols; j0 += Tile)
            {
                var jEnd = Math.Min(cols, j0 + Tile);
                for (var i = i0; i < iEnd; i++)
                {
                    var srcRow = src.Slice(i * srcLd, cols);
                    for (var j = j0; j < jEnd; j++)
                    {
                        dst[(j * dstLd) + i] = srcRow[j];
                    }
                }
            }
        }
    }
}
