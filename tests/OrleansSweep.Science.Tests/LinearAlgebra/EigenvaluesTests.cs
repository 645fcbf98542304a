using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class EigenvaluesTests
{
    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Diagonal_and_upper_triangular_matrices_give_their_diagonal_exactly(string kernels)
    {
        var stream = new RandomStream(0xE160);
        foreach (var n in new[] { 1, 2, 3, 10, 57 })
        {
            var diagonal = new double[n * n];
            var upper = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                var d = 3.0 * stream.NextGaussian();
                diagonal[(i * n) + i] = d;
                for (var j = i; j < n; j++)
                {
                    upper[(i * n) + j] = j == i ? d : stream.NextGaussian();
                }
            }

            var expected = Enumerable.Range(0, n).Select(i => new Complex(diagonal[(i * n) + i], 0.0)).ToArray();
            Assert.Equal(0.0, TestMatrices.MatchDistance(expected, Solve(kernels, diagonal, n)));
            Assert.Equal(0.0, TestMatrices.MatchDistance(expected, Solve(kernels, upper, n)));
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Lower_triangular_matrices_give_their_diagonal(string kernels)
    {
        var stream = new RandomStream(0xE161);
        const int n = 40;
        var lower = new double[n * n];
        var expected = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            expected[i] = i - 20.0;
            for (var j = 0; j < i; j++)
            {
                lower[(i * n) + j] = stream.NextGaussian();
            }

            lower[(i * n) + i] = expected[i].Real;
        }

        Assert.True(TestMatrices.MatchDistance(expected, Solve(kernels, lower, n)) <= 1e-10);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Rotation_scaling_blocks_hidden_by_an_orthogonal_similarity_give_their_complex_pairs(string kernels)
    {
        // D = diag(ρ₁R(θ₁), ρ₂R(θ₂), d₅, …) has eigenvalues ρ·e^{±iθ} and d; Q·D·Qᵀ hides the structure.
        var stream = new RandomStream(0xE162);
        const int n = 30;
        var d = new double[n * n];
        var expected = new List<Complex>();
        foreach (var (offset, rho, theta) in new[] { (0, 1.5, 0.3), (2, 0.8, 2.0) })
        {
            var (c, s) = (rho * Math.Cos(theta), rho * Math.Sin(theta));
            d[(offset * n) + offset] = c;
            d[(offset * n) + offset + 1] = -s;
            d[((offset + 1) * n) + offset] = s;
            d[((offset + 1) * n) + offset + 1] = c;
            expected.Add(new Complex(c, s));
            expected.Add(new Complex(c, -s));
        }

        for (var i = 4; i < n; i++)
        {
            d[(i * n) + i] = (i - 17) * 0.25;
            expected.Add(d[(i * n) + i]);
        }

        var a = TestMatrices.Similar(TestMatrices.RandomOrthogonal(stream, n), d, n);
        var actual = Solve(kernels, a, n);
        Assert.True(TestMatrices.MatchDistance(expected, actual) <= 1e-12 * n * 4.0, $"distance {TestMatrices.MatchDistance(expected, actual):E2}");
        Assert.Equal(4, actual.Count(z => z.Imaginary != 0.0));
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Companion_matrix_eigenvalues_are_the_polynomial_roots(string kernels)
    {
        Complex[] roots = [-3.0, -1.5, -0.5, 0.25, 1.0, 2.0, new(2.5, 1.0), new(2.5, -1.0), new(-1.0, 0.5), new(-1.0, -0.5)];
        var n = roots.Length;

        // Coefficients of Π(x − r), highest degree first (real, since complex roots come in pairs).
        var coefficients = new Complex[n + 1];
        coefficients[0] = 1.0;
        for (var r = 0; r < n; r++)
        {
            for (var i = r + 1; i >= 1; i--)
            {
                coefficients[i] -= roots[r] * coefficients[i - 1];
            }
        }

        // Frobenius companion: first row −c₁…−c_n, ones on the subdiagonal.
        var a = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            a[j] = -coefficients[j + 1].Real;
        }

        for (var i = 1; i < n; i++)
        {
            a[(i * n) + i - 1] = 1.0;
        }

        Assert.True(TestMatrices.MatchDistance(roots, Solve(kernels, a, n)) <= 1e-9);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Sum_and_product_of_eigenvalues_equal_trace_and_determinant(string kernels)
    {
        foreach (var n in new[] { 2, 5, 20, 80, 150 })
        {
            foreach (var seed in new ulong[] { 1, 2, 3 })
            {
                var a = TestMatrices.Gaussian(StreamKeys.Stream(seed, $"trace-det/{n}", 0, StreamRole.Network), n, n, n, 1.0 / Math.Sqrt(n));
                var lambda = Solve(kernels, a, n);
                var trace = Enumerable.Range(0, n).Sum(i => a[(i * n) + i]);
                var sum = lambda.Aggregate(Complex.Zero, (s, z) => s + z);
                Assert.True(Complex.Abs(sum - trace) <= 1e-12 * n, $"{kernels} n={n}: Σλ = {sum} vs trace {trace}");

                // Compare Πλ with det(A) in log-magnitude and phase: the product itself can be ~e^{−n/2}.
                var determinant = TestMatrices.Determinant(a, n);
                var logMagnitude = lambda.Sum(z => Math.Log(Complex.Abs(z)));
                var phase = lambda.Sum(z => z.Phase);
                Assert.True(Math.Abs(logMagnitude - Math.Log(Math.Abs(determinant))) <= 1e-9, $"{kernels} n={n}: log|Πλ| vs log|det|");
                Assert.Equal(Math.Sign(determinant), Math.Sign(Math.Round(Math.Cos(phase))));
                Assert.True(Math.Abs(Math.Sin(phase)) <= 1e-9, $"{kernels} n={n}: Πλ not real (phase {phase})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Eigenvalues_scale_with_the_matrix_far_outside_the_normal_range(string kernels)
    {
        // λ(2^k·A) = 2^k·λ(A). At |k| ≥ 600 the squares and products inside the QR iteration would underflow or
        // overflow unless the matrix is first brought into range, as dgeev does.
        const int n = 30;
        var a = TestMatrices.Gaussian(new RandomStream(0xE164), n, n, n);
        var reference = Solve(kernels, a, n);
        var radius = reference.Max(Complex.Abs);
        foreach (var k in new[] { -1000, -600, 600, 1000 })
        {
            var scaled = a.Select(x => Math.ScaleB(x, k)).ToArray();
            var lambda = Solve(kernels, scaled, n).Select(z => new Complex(Math.ScaleB(z.Real, -k), Math.ScaleB(z.Imaginary, -k))).ToArray();
            var distance = TestMatrices.MatchDistance(reference, lambda);
            Assert.True(distance <= 1e-12 * radius, $"{kernels} k={k}: distance {distance:E2} (radius {radius:F3})");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Non_finite_input_reports_failure_instead_of_throwing(string kernels)
    {
        var a = new double[] { 1.0, 2.0, double.NaN, 4.0 };
        Assert.False(KernelSource.Get(kernels).Eigenvalues(a, 2, new Complex[2]));
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Leaves_the_input_unchanged(string kernels)
    {
        var a = TestMatrices.Gaussian(new RandomStream(0xE163), 25, 25, 25);
        var copy = (double[])a.Clone();
        _ = Solve(kernels, a, 25);
        Assert.Equal(copy, a);
    }

    private static Complex[] Solve(string kernels, double[] a, int n)
    {
        var lambda = new Complex[n];
        Assert.True(KernelSource.Get(kernels).Eigenvalues(a, n, lambda), $"{kernels}: no convergence at n = {n}");
        return lambda;
    }
}
