using System.Numerics.Tensors;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>Synthesis of the Gaussian inputs and measurement of power spectra (the FFT side of a pass).</summary>
internal sealed partial class SampledDmftPaths
{
    /// <summary>
    /// (re, im) ← Σ_k amplitude_k W_k e^{2πikt/n} with W_k = a + ib from Box–Muller on the counter values
    /// (2m, 2m + 1), m = process·n + k, of stream <paramref name="key"/>; only |k| ≤ <paramref name="band"/> is drawn.
    /// </summary>
    private void Synthesise(ulong key, int process, double[] amplitude, int band, double[] re, double[] im, SampledDmftFft fft)
    {
        Array.Clear(re);
        Array.Clear(im);
        var offset = (ulong)process * (ulong)n;
        for (var k = 0; k <= band; k++)
        {
            Draw(key, offset + (ulong)k, amplitude[k], re, im, k);
            var mirror = n - k;
            if (k > 0 && mirror != k)
            {
                Draw(key, offset + (ulong)mirror, amplitude[mirror], re, im, mirror);
            }
        }

        fft.Inverse(re, im);
    }

    private static void Draw(ulong key, ulong index, double amplitude, double[] re, double[] im, int k)
    {
        var u1 = ((RandomStreamBits(key, 2 * index) >> 11) + 1) * (1.0 / (1UL << 53));
        var u2 = (RandomStreamBits(key, 2 * index + 1) >> 11) * (1.0 / (1UL << 53));
        var radius = amplitude * Math.Sqrt(-2 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2 * Math.PI * u2);
        re[k] = radius * cos;
        im[k] = radius * sin;
    }

    private static ulong RandomStreamBits(ulong key, ulong index) => Randomness.RandomStream.At(key, index);

    /// <summary>power_k += |DFT(f(a) + i f(b))_k|² with f = φ (tanh(g_h x + β_h)) or the identity.</summary>
    private void Accumulate(double[] a, double[] b, bool tanh, double[] power, SampledDmftFft fft)
    {
        if (tanh)
        {
            var gH = parameters.GH;
            var betaH = parameters.BetaH;
            TensorPrimitives.Multiply(a, gH, workRe);
            TensorPrimitives.Add(workRe, betaH, workRe);
            TensorPrimitives.Tanh(workRe, workRe);
            TensorPrimitives.Multiply(b, gH, workIm);
            TensorPrimitives.Add(workIm, betaH, workIm);
            TensorPrimitives.Tanh(workIm, workIm);
        }
        else
        {
            a.CopyTo(workRe, 0);
            b.CopyTo(workIm, 0);
        }

        fft.Forward(workRe, workIm);
        for (var k = 0; k < n; k++)
        {
            power[k] += workRe[k] * workRe[k] + workIm[k] * workIm[k];
        }
    }

    /// <summary>P_k ← (P_k + P_{n−k})/2: from packed pairs to the sum of the paths' own power spectra.</summary>
    private void Symmetrise(double[] power)
    {
        for (var k = 1; k < n / 2; k++)
        {
            var mean = 0.5 * (power[k] + power[n - k]);
            power[k] = mean;
            power[n - k] = mean;
        }
    }
}
