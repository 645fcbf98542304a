namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Shape checks shared by every <see cref="IDenseKernels"/> implementation, so that both reject the same
/// programming errors with the same exceptions before any native code sees a pointer.
/// </summary>
internal static class DenseArguments
{
    public static void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (aRows, aCols) = transposeA ? (k, m) : (m, k);
        var (bRows, bCols) = transposeB ? (n, k) : (k, n);
        Matrix("a", aRows, aCols, aLength, lda);
        Matrix("b", bRows, bCols, bLength, ldb);
        Matrix("c", m, n, cLength, ldc);
    }

    public static void Gemv(bool transposeA, int m, int n, int aLength, int lda, int xLength, int yLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        Matrix("a", m, n, aLength, lda);
        var (xNeeded, yNeeded) = transposeA ? (m, n) : (n, m);
        Vector("x", xNeeded, xLength);
        Vector("y", yNeeded, yLength);
    }

    public static void QrThin(int aLength, int m, int k, int rLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m < k)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"Thin QR needs m ≥ k; got m = {m}, k = {k}.");
        }

        Vector("a", checked(m * k), aLength);
        Vector("r", checked(k * k), rLength);
    }

    public static void Tall(string name, int m, int k, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        Vector(name, checked(m * k), length);
    }

    public static void Square(string name, int n, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        Vector(name, checked(n * n), length);
    }

    public static void Vector(string name, int needed, int length)
    {
        if (length < needed)
        {
            throw new ArgumentException($"'{name}' holds {length} elements but {needed} are needed.", name);
        }
    }

    private static void Matrix(string name, int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentOutOfRangeException(
                "ld" + name, ld, $"The leading dimension of '{name}' must be ≥ max(1, {cols}) (row-major, {rows}×{cols}).");
        }

        if (rows > 0 && cols > 0 && length < ((long)(rows - 1) * ld) + cols)
        {
            throw new ArgumentException(
                $"'{name}' holds {length} elements; a row-major {rows}×{cols} matrix with leading dimension {ld} needs {((long)(rows - 1) * ld) + cols}.",
                name);
        }
    }
}
