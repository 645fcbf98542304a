using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// Implementations agree on random well-conditioned inputs: OpenBLAS against managed (when OpenBLAS loads), and
/// each of them against MathNet.Numerics as an independent third implementation (always).
/// </summary>
public class KernelAgreementTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<string, string, int> Pairs
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var n in new[] { 64, 200 })
            {
                data.Add("managed", "mathnet", n);
                if (DenseKernels.OpenBlas is not null)
                {
                    data.Add("openblas", "managed", n);
                    data.Add("openblas", "mathnet", n);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Products_agree(string kernels, string reference, int n)
    {
        var (first, second) = (KernelSource.Get(kernels), KernelSource.Get(reference));
        var stream = new RandomStream(0xA9EE + (ulong)n);
        var a = TestMatrices.Gaussian(stream, n, n, n);
        var b = TestMatrices.Gaussian(stream, n, n / 2, n / 2);
        var c1 = new double[n * (n / 2)];
        var c2 = new double[n * (n / 2)];
        first.Gemm(true, false, n, n / 2, n, 1.0, a, n, b, n / 2, 0.0, c1, n / 2);
        second.Gemm(true, false, n, n / 2, n, 1.0, a, n, b, n / 2, 0.0, c2, n / 2);
        AssertRelative(c2, c1, Math.Sqrt(n), "GEMM");

        var x = TestMatrices.Gaussian(stream, 1, n, n);
        var y1 = new double[n];
        var y2 = new double[n];
        first.Gemv(false, n, n, 1.0, a, n, x, 0.0, y1);
        second.Gemv(false, n, n, 1.0, a, n, x, 0.0, y2);
        AssertRelative(y2, y1, Math.Sqrt(n), "GEMV");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Qr_factors_agree(string kernels, string reference, int n)
    {
        // With diag(R) > 0 the thin QR of a full-rank matrix is unique, so Q and R must agree entry by entry.
        var k = n / 4;
        var a = TestMatrices.Gaussian(new RandomStream(0xA9EF + (ulong)n), n, k, k);
        var (q1, q2) = ((double[])a.Clone(), (double[])a.Clone());
        var (r1, r2) = (new double[k * k], new double[k * k]);
        KernelSource.Get(kernels).QrThin(q1, n, k, r1);
        KernelSource.Get(reference).QrThin(q2, n, k, r2);
        AssertRelative(q2, q1, 1.0, "Q");
        AssertRelative(r2, r1, TestMatrices.MaxAbs(r2), "R");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Eigenvalues_agree(string kernels, string reference, int n)
    {
        var a = TestMatrices.Gaussian(new RandomStream(0xA9F0 + (ulong)n), n, n, n, 1.0 / Math.Sqrt(n));
        var (l1, l2) = (new Complex[n], new Complex[n]);
        Assert.True(KernelSource.Get(kernels).Eigenvalues(a, n, l1));
        Assert.True(KernelSource.Get(reference).Eigenvalues(a, n, l2));
        var radius = l2.Max(Complex.Abs);
        var distance = TestMatrices.MatchDistance(l2, l1);
        Assert.True(distance <= Tolerance * radius, $"eigenvalues differ by {distance:E2} (radius {radius:F3})");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Linear_solves_agree(string kernels, string reference, int n)
    {
        var stream = new RandomStream(0xA9F1 + (ulong)n);
        var a = TestMatrices.Gaussian(stream, n, n, n);

        // Diagonal dominance keeps cond(A) = O(1), so the two solutions must agree to ~ε·cond.
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += 3.0 * Math.Sqrt(n);
        }

        var b = TestMatrices.Gaussian(stream, n, 2, 2);
        var (a1, a2, x1, x2) = ((double[])a.Clone(), (double[])a.Clone(), (double[])b.Clone(), (double[])b.Clone());
        Assert.True(KernelSource.Get(kernels).LuSolve(a1, n, x1, 2));
        Assert.True(KernelSource.Get(reference).LuSolve(a2, n, x2, 2));
        AssertRelative(x2, x1, TestMatrices.MaxAbs(x2), "X");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Cholesky_qr_pieces_agree(string kernels, string reference, int n)
    {
        // Gram matrix, its Cholesky factor and A·R⁻¹ (the three calls of one Cholesky QR pass) on a tall n×n/4 block.
        var (first, second) = (KernelSource.Get(kernels), KernelSource.Get(reference));
        var k = n / 4;
        var a = TestMatrices.Gaussian(new RandomStream(0xA9F2 + (ulong)n), n, k, k);
        var (g1, g2) = (new double[k * k], new double[k * k]);
        first.Gram(a, n, k, g1);
        second.Gram(a, n, k, g2);
        AssertRelative(UpperTriangle(g2, k), UpperTriangle(g1, k), n, "Gram");

        Assert.True(first.CholeskyUpper(g1, k));
        Assert.True(second.CholeskyUpper(g2, k));
        AssertRelative(UpperTriangle(g2, k), UpperTriangle(g1, k), Math.Sqrt(n), "R");

        var (q1, q2) = ((double[])a.Clone(), (double[])a.Clone());
        first.SolveUpperTriangularRight(q1, n, k, g2);
        second.SolveUpperTriangularRight(q2, n, k, g2);
        AssertRelative(q2, q1, 1.0, "A·R⁻¹");

        // The row forms, on the transpose (k×n, one vector per row).
        var rows = CholeskyKernelsTests.Transpose(a, n, k);
        var (h1, h2) = (new double[k * k], new double[k * k]);
        first.GramOfRows(rows, k, n, h1);
        second.GramOfRows(rows, k, n, h2);
        AssertRelative(UpperTriangle(h2, k), UpperTriangle(h1, k), n, "Gram of rows");
        var (p1, p2) = ((double[])rows.Clone(), (double[])rows.Clone());
        first.SolveUpperTriangularTransposedLeft(p1, k, n, g2);
        second.SolveUpperTriangularTransposedLeft(p2, k, n, g2);
        AssertRelative(p2, p1, 1.0, "R⁻ᵀ·A");
    }

    private static double[] UpperTriangle(double[] g, int k)
    {
        var upper = new double[k * k];
        for (var i = 0; i < k; i++)
        {
            Array.Copy(g, (i * k) + i, upper, (i * k) + i, k - i);
        }

        return upper;
    }

    private static void AssertRelative(double[] expected, double[] actual, double scale, string what)
    {
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        Assert.True(worst <= Tolerance * scale, $"{what}: max difference {worst:E2} vs allowed {Tolerance * scale:E2}");
    }
}
