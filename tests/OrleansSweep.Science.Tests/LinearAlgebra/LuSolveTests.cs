using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class LuSolveTests
{
    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Solution_has_a_backward_error_of_order_epsilon(string kernels)
    {
        var stream = new RandomStream(0x1105);
        foreach (var n in new[] { 1, 2, 5, 50, 200 })
        {
            foreach (var nrhs in new[] { 1, 3 })
            {
                var a = TestMatrices.Gaussian(stream, n, n, n);
                var b = TestMatrices.Gaussian(stream, n, nrhs, nrhs);
                var lu = (double[])a.Clone();
                var x = (double[])b.Clone();
                Assert.True(KernelSource.Get(kernels).LuSolve(lu, n, x, nrhs), $"{kernels} n={n}: reported singular");

                // ‖AX − B‖ / (‖A‖·‖X‖ + ‖B‖) (∞-norms) is O(n·ε) for a backward-stable solver, whatever cond(A).
                var residual = new double[n * nrhs];
                Array.Copy(b, residual, residual.Length);
                Science.LinearAlgebra.DenseKernels.Managed.Gemm(false, false, n, nrhs, n, 1.0, a, n, x, nrhs, -1.0, residual, nrhs);
                var backwardError = InfinityNorm(residual, n, nrhs) / ((InfinityNorm(a, n, n) * InfinityNorm(x, n, nrhs)) + InfinityNorm(b, n, nrhs));
                Assert.True(backwardError <= 1e-14 * Math.Max(n, 10), $"{kernels} n={n} nrhs={nrhs}: backward error {backwardError:E2}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Pivots_past_a_zero_leading_entry(string kernels)
    {
        var a = new[] { 0.0, 2.0, 3.0, 0.0 };
        var b = new[] { 4.0, 9.0 };
        Assert.True(KernelSource.Get(kernels).LuSolve(a, 2, b, 1));
        Assert.Equal(3.0, b[0], 14);
        Assert.Equal(2.0, b[1], 14);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Singular_matrices_return_false(string kernels)
    {
        var stream = new RandomStream(0x1106);
        var kernel = KernelSource.Get(kernels);

        Assert.False(kernel.LuSolve(new double[9], 3, new double[3], 1), "zero matrix");
        Assert.False(kernel.LuSolve(new[] { 1.0, 2.0, 2.0, 4.0 }, 2, new[] { 1.0, 1.0 }, 1), "exactly singular 2×2");

        // Row 3 = row 0 + 2·row 1 in floating point: the last pivot is rounding noise, not an exact zero.
        foreach (var n in new[] { 4, 30, 120 })
        {
            var a = TestMatrices.Gaussian(stream, n, n, n);
            for (var j = 0; j < n; j++)
            {
                a[(3 * n) + j] = a[j] + (2.0 * a[n + j]);
            }

            Assert.False(kernel.LuSolve(a, n, TestMatrices.Gaussian(stream, n, 1, 1), 1), $"rank-deficient n={n}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Ill_conditioned_but_regular_matrices_are_solved(string kernels)
    {
        // diag(1, 10⁻⁸, 1) has cond 10⁸ ≪ 1/(nε): regular to working precision.
        var a = new[] { 1.0, 0.0, 0.0, 0.0, 1e-8, 0.0, 0.0, 0.0, 1.0 };
        var b = new[] { 1.0, 1.0, 1.0 };
        Assert.True(KernelSource.Get(kernels).LuSolve(a, 3, b, 1));
        Assert.Equal(1e8, b[1], 1e-6);
    }

    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Non_finite_matrices_return_false(string kernels)
    {
        Assert.False(KernelSource.Get(kernels).LuSolve(new[] { 1.0, double.PositiveInfinity, 0.0, 1.0 }, 2, new[] { 1.0, 1.0 }, 1));
    }

    private static double InfinityNorm(double[] matrix, int rows, int cols)
    {
        var norm = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < cols; j++)
            {
                sum += Math.Abs(matrix[(i * cols) + j]);
            }

            norm = Math.Max(norm, sum);
        }

        return norm;
    }
}
