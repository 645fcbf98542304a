using System.Numerics;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

public class KernelConcurrencyTests
{
    [Theory]
    [MemberData(nameof(KernelSource.Available), MemberType = typeof(KernelSource))]
    public void Concurrent_calls_give_the_same_results_as_sequential_ones(string kernels)
    {
        // The kernels hold no shared mutable state (scratch is pooled per call; OpenBLAS runs one thread per call),
        // so results computed concurrently must be bit-identical to those computed one at a time.
        var kernel = KernelSource.Get(kernels);
        const int n = 120, tasks = 6;
        var inputs = Enumerable.Range(0, tasks)
            .Select(t => TestMatrices.Gaussian(new RandomStream(0xC0C0 + (ulong)t), n, n, n, 1.0 / Math.Sqrt(n)))
            .ToArray();

        (double[] Product, Complex[] Spectrum, double[] Q) Compute(double[] a)
        {
            var product = new double[n * n];
            kernel.Gemm(false, true, n, n, n, 1.0, a, n, a, n, 0.0, product, n);
            var spectrum = new Complex[n];
            Assert.True(kernel.Eigenvalues(a, n, spectrum));
            var q = (double[])a.Clone();
            kernel.QrThin(q, n, n, new double[n * n]);
            return (product, spectrum, q);
        }

        var sequential = inputs.Select(Compute).ToArray();
        var concurrent = new (double[] Product, Complex[] Spectrum, double[] Q)[tasks];
        Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = tasks }, t => concurrent[t] = Compute(inputs[t]));

        for (var t = 0; t < tasks; t++)
        {
            Assert.Equal(sequential[t].Product, concurrent[t].Product);
            Assert.Equal(sequential[t].Spectrum, concurrent[t].Spectrum);
            Assert.Equal(sequential[t].Q, concurrent[t].Q);
        }
    }
}
