using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>The 2×2 block solver of the Francis QR iteration (dlanv2's standardisation).</summary>
public class TwoByTwoEigenvaluesTests
{
    [Fact]
    public void Sum_and_product_are_the_trace_and_determinant_for_random_blocks()
    {
        var stream = new RandomStream(0x2B2);
        for (var trial = 0; trial < 2000; trial++)
        {
            var scale = Math.Pow(10.0, (6.0 * stream.NextDouble()) - 3.0);
            var (a, b, c, d) = (scale * stream.NextGaussian(), scale * stream.NextGaussian(), scale * stream.NextGaussian(), scale * stream.NextGaussian());
            FrancisQr.TwoByTwo(a, b, c, d, out var first, out var second);
            var size = Math.Abs(a) + Math.Abs(b) + Math.Abs(c) + Math.Abs(d);
            Assert.True(Complex.Abs(first + second - (a + d)) <= 4e-16 * 8 * size, $"trial {trial}: trace");
            Assert.True(Complex.Abs((first * second) - ((a * d) - (b * c))) <= 4e-16 * 16 * size * size, $"trial {trial}: determinant");
            AssertRealOrConjugate(first, second);
            var discriminant = (0.25 * (a - d) * (a - d)) + (b * c);
            if (Math.Abs(discriminant) > 1e-10 * size * size)
            {
                Assert.Equal(discriminant < 0.0, first.Imaginary != 0.0);
            }
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void Nearly_equal_eigenvalues_keep_their_nature_and_their_first_digits(double s)
    {
        // [[1, 1], [±δ, 1]]·s has eigenvalues s(1 ± √δ) (real) or s(1 ± i√δ) (complex): deciding the nature from the
        // unrotated discriminant (≈ δ) would be at the mercy of rounding; dlanv2 decides after equalising the diagonal.
        foreach (var delta in new[] { 1e-20, 1e-12, 1e-6 })
        {
            FrancisQr.TwoByTwo(s, s, delta * s, s, out var first, out var second);
            AssertRealOrConjugate(first, second);
            Assert.Equal(0.0, first.Imaginary);
            Assert.Equal(s * (1.0 + Math.Sqrt(delta)), Math.Max(first.Real, second.Real), 1e-14 * s);
            Assert.Equal(s * (1.0 - Math.Sqrt(delta)), Math.Min(first.Real, second.Real), 1e-14 * s);

            FrancisQr.TwoByTwo(s, s, -delta * s, s, out first, out second);
            AssertRealOrConjugate(first, second);
            Assert.Equal(s, first.Real, 1e-15 * s);
            Assert.Equal(s * Math.Sqrt(delta), Math.Abs(first.Imaginary), 1e-14 * s * Math.Sqrt(delta));
        }
    }

    [Fact]
    public void Triangular_blocks_give_their_diagonal_exactly()
    {
        FrancisQr.TwoByTwo(3.0, 7.0, 0.0, -2.0, out var first, out var second);
        Assert.Equal(new Complex(3.0, 0.0), first);
        Assert.Equal(new Complex(-2.0, 0.0), second);
        FrancisQr.TwoByTwo(3.0, 0.0, 7.0, -2.0, out first, out second);
        Assert.Equal(3.0, Math.Max(first.Real, second.Real));
        Assert.Equal(-2.0, Math.Min(first.Real, second.Real));
        Assert.Equal(0.0, first.Imaginary);
        Assert.Equal(0.0, second.Imaginary);
    }

    private static void AssertRealOrConjugate(Complex first, Complex second)
    {
        if (first.Imaginary == 0.0)
        {
            Assert.Equal(0.0, second.Imaginary);
            return;
        }

        Assert.Equal(first.Real, second.Real);
        Assert.Equal(first.Imaginary, -second.Imaginary);
    }
}
