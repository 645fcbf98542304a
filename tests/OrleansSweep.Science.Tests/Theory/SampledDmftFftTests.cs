using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory;

/// <summary>The sampled DMFT's radix-2 FFT against MathNet's reference transform.</summary>
public class SampledDmftFftTests
{
    [Theory]
    [InlineData(4, 1UL)]
    [InlineData(64, 2UL)]
    [InlineData(4096, 3UL)]
    public void Forward_transform_matches_mathnet(int n, ulong seed)
    {
        var (re, im) = RandomSignal(n, seed);
        var reference = re.Zip(im, (a, b) => new Complex(a, b)).ToArray();
        Fourier.Forward(reference, FourierOptions.NoScaling);

        new SampledDmftFft(n).Forward(re, im);

        var scale = Math.Sqrt(n) * Math.Log2(n) * 1e-14;
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(reference[k].Real, re[k], scale);
            Assert.Equal(reference[k].Imaginary, im[k], scale);
        }
    }

    [Theory]
    [InlineData(256, 4UL)]
    [InlineData(2048, 5UL)]
    public void Inverse_undoes_forward_up_to_the_length(int n, ulong seed)
    {
        var (re, im) = RandomSignal(n, seed);
        var (originalRe, originalIm) = ((double[])re.Clone(), (double[])im.Clone());
        var fft = new SampledDmftFft(n);

        fft.Forward(re, im);
        fft.Inverse(re, im);

        for (var t = 0; t < n; t++)
        {
            Assert.Equal(originalRe[t], re[t] / n, 1e-12);
            Assert.Equal(originalIm[t], im[t] / n, 1e-12);
        }
    }

    [Fact]
    public void Rejects_lengths_that_are_not_powers_of_two()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SampledDmftFft(96));
    }

    private static (double[] Re, double[] Im) RandomSignal(int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var re = new double[n];
        var im = new double[n];
        random.FillGaussian(re);
        random.FillGaussian(im);
        return (re, im);
    }
}
