namespace OrleansSweep.Science.LinearAlgebra;

// dgebal's permutation step (job 'P').
internal static partial class Balancing
{
    /// <summary>
    /// Permutes the row-major n×n matrix <paramref name="a"/> in place (a similarity P·A·Pᵀ) into block upper
    /// triangular form [[T₁, X, Y], [0, B, Z], [0, 0, T₂]] with T₁ = a[0..low), T₂ = a(high..n) upper triangular.
    /// </summary>
    /// <remarks>
    /// A row whose off-diagonal entries (within the still-active columns) are all exactly zero isolates the
    /// eigenvalue on its diagonal and is moved to the bottom; then a column whose off-diagonal entries (within the
    /// active rows) are all exactly zero is moved to the left. The eigenvalues are the diagonal of T₁ and T₂ plus the
    /// eigenvalues of the active block B = a[low..high, low..high], the only part left to the QR iteration.
    /// Every move shrinks the active block, so at most n moves happen; each search costs O(n²).
    /// </remarks>
    public static void Isolate(Span<double> a, int n, out int low, out int high)
    {
        low = 0;
        high = n - 1;

        // Rows isolating an eigenvalue go to the bottom (dgebal's first loop), until a pass moves none.
        var moved = true;
        while (moved)
        {
            moved = false;
            for (var i = high; i >= 0; i--)
            {
                if (RowIsIsolated(a, n, i, high))
                {
                    Swap(a, n, i, high);
                    if (high == 0)
                    {
                        return;
                    }

                    high--;
                    moved = true;
                }
            }
        }

        // Then columns isolating an eigenvalue go to the left.
        moved = true;
        while (moved)
        {
            moved = false;
            for (var j = low; j <= high; j++)
            {
                if (ColumnIsIsolated(a, n, j, low, high))
                {
                    Swap(a, n, j, low);
                    low++;
                    moved = true;
                }
            }
        }
    }

    private static bool RowIsIsolated(Span<double> a, int n, int i, int to)
    {
        for (var j = 0; j <= to; j++)
        {
            if (j != i && a[(i * n) + j] != 0.0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ColumnIsIsolated(Span<double> a, int n, int j, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (i != j && a[(i * n) + j] != 0.0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exchanges rows i and k and columns i and k (a permutation similarity).</summary>
    private static void Swap(Span<double> a, int n, int i, int k)
    {
        if (i == k)
        {
            return;
        }

        for (var c = 0; c < n; c++)
        {
            (a[(i * n) + c], a[(k * n) + c]) = (a[(k * n) + c], a[(i * n) + c]);
        }

        for (var r = 0; r < n; r++)
        {
            (a[(r * n) + i], a[(r * n) + k]) = (a[(r * n) + k], a[(r * n) + i]);
        }
    }
}
