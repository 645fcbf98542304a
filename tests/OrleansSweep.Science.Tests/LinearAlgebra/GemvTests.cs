using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class GemvTests
{
    public static TheoryData<string, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var kernels in KernelSource.Names)
            {
                data.Add(kernels, false);
                data.Add(kernels, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_double_loop_for_rectangular_shapes(string kernels, bool transpose)
    {
        var stream = new RandomStream(0x6E37);
        foreach (var (m, n) in new[] { (1, 1), (7, 3), (3, 7), (64, 64), (200, 37), (37, 513) })
        {
            foreach (var (padding, beta) in new[] { (0, 0.0), (5, 0.75) })
            {
                var lda = n + padding;
                var a = TestMatrices.Gaussian(stream, m, n, lda);
                var (xLength, yLength) = transpose ? (m, n) : (n, m);
                var x = TestMatrices.Gaussian(stream, 1, xLength, xLength);
                var y = TestMatrices.Gaussian(stream, 1, yLength, yLength);
                if (beta == 0.0)
                {
                    Array.Fill(y, double.NaN);
                }

                var actual = (double[])y.Clone();
                KernelSource.Get(kernels).Gemv(transpose, m, n, -1.5, a, lda, x, beta, actual);
                for (var i = 0; i < yLength; i++)
                {
                    double sum = 0, scale = 0;
                    for (var j = 0; j < xLength; j++)
                    {
                        var term = (transpose ? a[(j * lda) + i] : a[(i * lda) + j]) * x[j];
                        sum += term;
                        scale += Math.Abs(term);
                    }

                    var old = beta == 0.0 ? 0.0 : beta * y[i];
                    var expected = (-1.5 * sum) + old;
                    var error = Math.Abs(actual[i] - expected);
                    Assert.True(
                        error <= 1e-12 * ((1.5 * scale) + Math.Abs(old)),
                        $"{kernels} {(transpose ? "T" : "N")} {m}×{n} pad {padding}: y[{i}] = {actual[i]} vs {expected}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Empty_matrix_only_scales_y(string kernels, bool transpose)
    {
        var y = new[] { 1.0, -2.0, 4.0 };
        var (m, n) = transpose ? (0, 3) : (3, 0);
        KernelSource.Get(kernels).Gemv(transpose, m, n, 1.0, [], Math.Max(1, n), [], 0.5, y);
        Assert.Equal([0.5, -1.0, 2.0], y);
    }
}
