using System.Numerics;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// Highly degenerate spectra, where a QR iteration either exploits exact structure (zero rows and columns, block
/// triangularity) or must resolve clusters of equal eigenvalues: every kernel converges, and the eigenvalues are
/// as accurate as their conditioning allows (O(ε‖A‖) for semisimple ones, O(ε^(1/k)) for k×k Jordan blocks).
/// </summary>
public class DegenerateEigenvaluesTests
{
    private const double Epsilon = 2.220446049250313e-16;

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void A_multiple_of_the_identity_gives_its_scalar_exactly(string kernels)
    {
        const int n = 200;
        foreach (var c in new[] { -3.7, 0.0, 1e-3 })
        {
            var a = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                a[(i * n) + i] = c;
            }

            Assert.All(Solve(kernels, a, n), z => Assert.Equal(new Complex(c, 0.0), z));
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void A_multiple_of_the_identity_hidden_by_an_orthogonal_similarity_gives_a_tight_cluster(string kernels)
    {
        // Q(cI)Qᵀ = cI + E with ‖E‖ = O(ε): nothing for balancing to isolate, one n-fold semisimple cluster.
        foreach (var (n, c) in new[] { (120, -3.7), (60, 0.25) })
        {
            var q = TestMatrices.RandomOrthogonal(new RandomStream(0xC1 + (ulong)n), n);
            var d = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                d[(i * n) + i] = c;
            }

            var worst = Solve(kernels, TestMatrices.Similar(q, d, n), n).Max(z => Complex.Abs(z - c));
            Assert.True(worst <= 1e-12 * Math.Abs(c), $"{kernels} n={n}: |λ − c| up to {worst:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Block_triangular_matrices_with_identity_diagonal_blocks_keep_their_multiplicities(string kernels)
    {
        // The shape of a gated Jacobian at a fixed point: [[A, ·, ·], [·, −5I, ·], [·, ·, −0.1I]] with dense
        // coupling blocks on one side of the diagonal, as it is and hidden by an orthogonal similarity.
        foreach (var (nb, lower, hide) in new[] { (60, true, false), (60, false, false), (40, true, true), (30, false, true) })
        {
            var n = 3 * nb;
            var stream = new RandomStream(0xB10C + (ulong)nb);
            var a = GateLikeBlocks(stream, nb, lower);
            var expected = Solve("mathnet", Block(a, n, 0, nb), nb).Concat(Enumerable.Repeat(new Complex(-5.0, 0.0), nb))
                .Concat(Enumerable.Repeat(new Complex(-0.1, 0.0), nb)).ToArray();
            if (hide)
            {
                a = TestMatrices.Similar(TestMatrices.RandomOrthogonal(stream, n), a, n);
            }

            var lambda = Solve(kernels, a, n);
            var tolerance = hide ? 1e-11 : 1e-12;
            Assert.Equal(nb, lambda.Count(z => Complex.Abs(z + 5.0) <= tolerance));
            Assert.Equal(nb, lambda.Count(z => Complex.Abs(z + 0.1) <= tolerance));
            var distance = TestMatrices.MatchDistance(expected, lambda);
            Assert.True(distance <= tolerance, $"{kernels} nb={nb} lower={lower} hidden={hide}: distance {distance:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Block_triangular_matrix_with_a_repeated_dense_block_doubles_its_spectrum(string kernels)
    {
        // [[B, C], [0, B]]: every eigenvalue of B twice, generically defective (a 2×2 Jordan block each) because C
        // couples the copies. Each is therefore accurate to O(√ε) only — the managed solver keeps the zero block and
        // does better as is, OpenBLAS's blocked reduction does not — while the mean of each pair stays O(ε)-accurate.
        foreach (var nb in new[] { 20, 40 })
        {
            var n = 2 * nb;
            var stream = new RandomStream(0xD0B + (ulong)nb);
            var b = TestMatrices.Gaussian(stream, nb, nb, nb, 1.0 / Math.Sqrt(nb));
            var c = TestMatrices.Gaussian(stream, nb, nb, nb, 1.0 / Math.Sqrt(nb));
            var a = new double[n * n];
            for (var i = 0; i < nb; i++)
            {
                b.AsSpan(i * nb, nb).CopyTo(a.AsSpan((i * n) + 0, nb));
                c.AsSpan(i * nb, nb).CopyTo(a.AsSpan((i * n) + nb, nb));
                b.AsSpan(i * nb, nb).CopyTo(a.AsSpan(((nb + i) * n) + nb, nb));
            }

            var single = Solve("mathnet", b, nb);
            AssertClusters(single, 2, Solve(kernels, a, n), 200.0 * Math.Sqrt(Epsilon), 1e-11, $"{kernels} nb={nb}: as is");
            var hidden = Solve(kernels, TestMatrices.Similar(TestMatrices.RandomOrthogonal(stream, n), a, n), n);
            AssertClusters(single, 2, hidden, 200.0 * Math.Sqrt(Epsilon), 1e-11, $"{kernels} nb={nb}: hidden");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Jordan_blocks_hidden_by_an_orthogonal_similarity_give_eigenvalues_to_the_kth_root_of_epsilon(string kernels)
    {
        // J = ⊕ J_k(λ) with λ cycling through {−1, 0.5, 2}: each λ is defective (k×k blocks) and derogatory (several
        // blocks). A perturbation of size ε‖A‖ moves a k×k Jordan eigenvalue by ~ε^(1/k) but the mean of the cluster
        // by only O(ε) (the cluster's trace is well conditioned).
        double[] values = [-1.0, 0.5, 2.0];
        foreach (var (k, n) in new[] { (2, 24), (2, 120), (3, 63) })
        {
            var jordan = new double[n * n];
            for (var b = 0; b < n / k; b++)
            {
                for (var i = 0; i < k; i++)
                {
                    var row = (b * k) + i;
                    jordan[(row * n) + row] = values[b % values.Length];
                    if (i + 1 < k)
                    {
                        jordan[(row * n) + row + 1] = 1.0;
                    }
                }
            }

            var a = TestMatrices.Similar(TestMatrices.RandomOrthogonal(new RandomStream(0x70D + (ulong)n), n), jordan, n);
            var multiplicity = n / values.Length;
            AssertClusters(values.Select(v => new Complex(v, 0.0)).ToArray(), multiplicity, Solve(kernels, a, n),
                30.0 * Math.Pow(Epsilon, 1.0 / k), 1e-12, $"{kernels} J{k} n={n}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Exactly_zero_rows_or_columns_give_exact_zero_eigenvalues_and_leave_the_rest(string kernels)
    {
        // A zero row (or column) i gives det(A − λI) = −λ·det(A_ii − λI) with A_ii the principal submatrix without i:
        // the spectrum is {0}^(zeros) ∪ spectrum(A restricted to the other indices).
        const int n = 150;
        foreach (var columns in new[] { false, true })
        {
            var stream = new RandomStream(columns ? 0x2E0CUL : 0x2E0DUL);
            var a = TestMatrices.Gaussian(stream, n, n, n, 1.0 / Math.Sqrt(n));
            var kept = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (i % 3 != 1)
                {
                    kept.Add(i);
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    a[columns ? (j * n) + i : (i * n) + j] = 0.0;
                }
            }

            var m = kept.Count;
            var sub = new double[m * m];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    sub[(i * m) + j] = a[(kept[i] * n) + kept[j]];
                }
            }

            var lambda = Solve(kernels, a, n);
            Assert.Equal(n - m, lambda.Count(z => z == Complex.Zero));
            var expected = Solve("mathnet", sub, m).Concat(Enumerable.Repeat(Complex.Zero, n - m)).ToArray();
            Assert.True(TestMatrices.MatchDistance(expected, lambda) <= 1e-12, $"{kernels} zero {(columns ? "columns" : "rows")}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Random_300_matrix_satisfies_the_power_sum_invariants(string kernels)
    {
        // Σλ^p = tr(A^p) for p = 1, 2, 3 pins down the whole spectrum far better than the trace alone.
        const int n = 300;
        foreach (var seed in new ulong[] { 1, 2 })
        {
            var a = TestMatrices.Gaussian(StreamKeys.Stream(seed, $"degenerate/random/{n}", 0, StreamRole.Network), n, n, n, 1.0 / Math.Sqrt(n));
            var lambda = Solve(kernels, a, n);
            var power = (double[])a.Clone();
            for (var p = 1; p <= 3; p++)
            {
                var trace = Enumerable.Range(0, n).Sum(i => power[(i * n) + i]);
                var sum = lambda.Aggregate(Complex.Zero, (s, z) => s + Complex.Pow(z, p));
                Assert.True(Complex.Abs(sum - trace) <= 1e-11 * n, $"{kernels} seed {seed}: Σλ^{p} = {sum} vs tr A^{p} = {trace}");
                power = Multiply(power, a, n);
            }

            Assert.InRange(lambda.Max(Complex.Abs), 0.9, 1.15);
        }
    }

    /// <summary>
    /// Each centre of <paramref name="centres"/> owns exactly <paramref name="multiplicity"/> eigenvalues within
    /// <paramref name="spread"/>, whose mean lies within <paramref name="meanTolerance"/> of it (scaled by max(1, |centre|)).
    /// </summary>
    private static void AssertClusters(Complex[] centres, int multiplicity, Complex[] lambda, double spread, double meanTolerance, string what)
    {
        Assert.Equal(centres.Length * multiplicity, lambda.Length);
        var remaining = lambda.ToList();
        foreach (var centre in centres)
        {
            var scale = Math.Max(1.0, Complex.Abs(centre));
            var cluster = remaining.OrderBy(z => Complex.Abs(z - centre)).Take(multiplicity).ToArray();
            var worst = cluster.Max(z => Complex.Abs(z - centre));
            var mean = cluster.Aggregate(Complex.Zero, (s, z) => s + z) / multiplicity;
            Assert.True(worst <= spread * scale, $"{what}: cluster at {centre} spreads to {worst:E2} (allowed {spread * scale:E2})");
            Assert.True(Complex.Abs(mean - centre) <= meanTolerance * scale, $"{what}: cluster mean {mean} vs {centre}");
            foreach (var z in cluster)
            {
                remaining.Remove(z);
            }
        }
    }

    /// <summary>[[A, 0, 0], [C_z, −5I, 0], [C_r, 0, −0.1I]] (or its block-upper mirror) with A, C ~ N(0, 1/nb).</summary>
    private static double[] GateLikeBlocks(RandomStream stream, int nb, bool lower)
    {
        var n = 3 * nb;
        var a = new double[n * n];
        for (var i = 0; i < nb; i++)
        {
            for (var j = 0; j < nb; j++)
            {
                a[(i * n) + j] = (1.5 * stream.NextGaussian() / Math.Sqrt(nb)) - (i == j ? 1.0 : 0.0);
                for (var block = 1; block <= 2; block++)
                {
                    var coupling = (block == 1 ? 5.0 : 0.1) * stream.NextGaussian() / Math.Sqrt(nb);
                    a[lower ? (((block * nb) + i) * n) + j : (i * n) + (block * nb) + j] = coupling;
                }
            }

            a[((nb + i) * n) + nb + i] = -5.0;
            a[(((2 * nb) + i) * n) + (2 * nb) + i] = -0.1;
        }

        return a;
    }

    private static double[] Block(double[] a, int n, int start, int size)
    {
        var block = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            a.AsSpan(((start + i) * n) + start, size).CopyTo(block.AsSpan(i * size, size));
        }

        return block;
    }

    private static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        Science.LinearAlgebra.DenseKernels.Managed.Gemm(false, false, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        return c;
    }

    private static Complex[] Solve(string kernels, double[] a, int n)
    {
        var lambda = new Complex[n];
        Assert.True(KernelSource.Get(kernels).Eigenvalues(a, n, lambda), $"{kernels}: no convergence at n = {n}");
        return lambda;
    }
}
