using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>dgebal's two similarity steps: isolation of eigenvalues by permutation, and scaling by powers of two.</summary>
public class BalancingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gate_blocks_are_isolated_by_permutation(bool lower)
    {
        // [[A, 0, 0], [C_z, D_z, 0], [C_r, 0, D_r]]: the 2N gate columns hold only their diagonal, so they move to
        // the left (low = 2N). In the mirrored [[A, C_z, C_r], [0, D_z, 0], [0, 0, D_r]] the 2N gate rows move down.
        const int nb = 15;
        const int n = 3 * nb;
        var stream = new RandomStream(0xBA1);
        var a = new double[n * n];
        for (var i = 0; i < nb; i++)
        {
            for (var j = 0; j < nb; j++)
            {
                a[(i * n) + j] = stream.NextGaussian();
                a[lower ? ((nb + i) * n) + j : (i * n) + nb + j] = stream.NextGaussian();
                a[lower ? (((2 * nb) + i) * n) + j : (i * n) + (2 * nb) + j] = stream.NextGaussian();
            }
        }

        SetDistinctDiagonal(a, n);
        var original = (double[])a.Clone();
        Balancing.Isolate(a, n, out var low, out var high);

        Assert.Equal(lower ? 2 * nb : 0, low);
        Assert.Equal(lower ? n - 1 : nb - 1, high);
        AssertPermutationSimilarity(original, a, n);
        AssertIsolatedPartsAreTriangular(a, n, low, high);
    }

    [Fact]
    public void Chains_of_isolated_rows_and_columns_are_found_after_earlier_moves()
    {
        // An upper triangular matrix isolates every row in turn (each becomes isolated only once the rows below it
        // have left the active block), and a random matrix with a few zeroed rows and columns mixes both kinds.
        const int n = 30;
        var stream = new RandomStream(0xBA2);
        var upper = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                upper[(i * n) + j] = stream.NextGaussian();
            }
        }

        SetDistinctDiagonal(upper, n);
        var original = (double[])upper.Clone();
        Balancing.Isolate(upper, n, out var low, out var high);
        Assert.True(high - low + 1 <= 1, $"active block [{low}, {high}] should be at most one index");
        AssertPermutationSimilarity(original, upper, n);

        var mixed = TestMatrices.Gaussian(stream, n, n, n);
        foreach (var k in new[] { 3, 11, 20 })
        {
            for (var j = 0; j < n; j++)
            {
                if (j != k)
                {
                    mixed[(k * n) + j] = 0.0;
                    mixed[(j * n) + k + 4] = 0.0;
                }
            }
        }

        SetDistinctDiagonal(mixed, n);
        original = (double[])mixed.Clone();
        Balancing.Isolate(mixed, n, out low, out high);
        Assert.Equal(3, low);
        Assert.Equal(n - 4, high);
        AssertPermutationSimilarity(original, mixed, n);
        AssertIsolatedPartsAreTriangular(mixed, n, low, high);
    }

    [Fact]
    public void Scaling_is_an_exact_similarity_by_powers_of_two_that_evens_out_rows_and_columns()
    {
        // D·A·D⁻¹ with D = diag(2^k), k ∈ [−20, 20], is badly scaled; balancing must undo most of it exactly.
        const int n = 40;
        var stream = new RandomStream(0xBA3);
        var a = TestMatrices.Gaussian(stream, n, n, n);
        var exponents = Enumerable.Range(0, n).Select(_ => (int)Math.Round((40.0 * stream.NextDouble()) - 20.0)).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[(i * n) + j] = Math.ScaleB(a[(i * n) + j], exponents[i] - exponents[j]);
            }
        }

        var original = (double[])a.Clone();
        Balancing.Scale(a, n);

        // a'_ij = a_ij·f_j/f_i with powers of two f: the diagonal is untouched and the ratios factor exactly.
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(original[(i * n) + i], a[(i * n) + i]);
            for (var j = 0; j < n; j++)
            {
                var ratio = a[(i * n) + j] / original[(i * n) + j];
                Assert.Equal(ratio, Math.ScaleB(1.0, Math.ILogB(ratio)));
                Assert.Equal(ratio, a[(i * n) + 0] / original[(i * n) + 0] * (a[j] / original[j]));
            }
        }

        for (var i = 0; i < n; i++)
        {
            double column = 0.0, row = 0.0;
            for (var j = 0; j < n; j++)
            {
                column += a[(j * n) + i] * a[(j * n) + i];
                row += a[(i * n) + j] * a[(i * n) + j];
            }

            Assert.InRange(Math.Sqrt(column / row), 0.25, 4.0);
        }

        Assert.True(TestMatrices.MaxAbs(a) < TestMatrices.MaxAbs(original) * 1e-6, "the scaling did not shrink the matrix");
    }

    /// <summary>Diagonal i + 0.5, so that the permutation can be read off the diagonal afterwards.</summary>
    private static void SetDistinctDiagonal(double[] a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = i + 0.5;
        }
    }

    /// <summary>permuted[i, j] == original[p(i), p(j)] for the permutation p read off the distinct diagonal.</summary>
    private static void AssertPermutationSimilarity(double[] original, double[] permuted, int n)
    {
        var p = Enumerable.Range(0, n).Select(i => (int)(permuted[(i * n) + i] - 0.5)).ToArray();
        Assert.Equal(Enumerable.Range(0, n), p.Order());
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(original[(p[i] * n) + p[j]], permuted[(i * n) + j]);
            }
        }
    }

    /// <summary>Columns left of low and rows below high are zero below the diagonal (block upper triangular form).</summary>
    private static void AssertIsolatedPartsAreTriangular(double[] a, int n, int low, int high)
    {
        for (var j = 0; j < low; j++)
        {
            for (var i = j + 1; i < n; i++)
            {
                Assert.Equal(0.0, a[(i * n) + j]);
            }
        }

        for (var i = high + 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.Equal(0.0, a[(i * n) + j]);
            }
        }
    }
}
