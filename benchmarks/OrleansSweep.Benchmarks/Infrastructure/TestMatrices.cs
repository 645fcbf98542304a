using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>Deterministic random inputs: i.i.d. N(0, 1/columns) entries, like the networks' coupling matrices.</summary>
internal static class TestMatrices
{
    public static double[] Gaussian(ulong seed, int rows, int columns)
    {
        var values = new double[rows * columns];
        new RandomStream(seed).FillGaussian(values, 1.0 / Math.Sqrt(Math.Max(1, columns)));
        return values;
    }
}
