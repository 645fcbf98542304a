using MathNet.Numerics.LinearAlgebra;
using OrleansSweep.Science.Randomness;
using OrleansSweep.Science.Theory.Dmft;

namespace OrleansSweep.Science.Tests.Theory.Dmft;

public class SturmSequenceTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(200)]
    public void Finds_the_spectrum_of_the_discrete_laplacian(int n)
    {
        // tridiag(−1, 2, −1): λ_k = 2 − 2cos(kπ/(n+1)), k = 1…n.
        var diagonal = Enumerable.Repeat(2.0, n).ToArray();
        var off = Enumerable.Repeat(1.0, n - 1).ToArray();
        foreach (var k in new[] { 0, 1, n / 2, n - 1 })
        {
            var expected = 2 - 2 * Math.Cos((k + 1) * Math.PI / (n + 1));
            Assert.Equal(expected, SturmSequence.Eigenvalue(diagonal, off, k, 1e-13), 12);
        }

        Assert.Equal(0, SturmSequence.CountBelow(diagonal, off, 0));
        Assert.Equal(n, SturmSequence.CountBelow(diagonal, off, 4));
    }

    [Theory]
    [InlineData(3UL, 40)]
    [InlineData(4UL, 120)]
    public void Agrees_with_a_dense_symmetric_eigensolver(ulong seed, int n)
    {
        var stream = new RandomStream(seed);
        var diagonal = new double[n];
        var off = new double[n - 1];
        stream.FillGaussian(diagonal);
        var dense = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            dense[i, i] = diagonal[i];
            if (i < n - 1)
            {
                var e = stream.NextGaussian();
                off[i] = e * e;
                dense[i, i + 1] = dense[i + 1, i] = e;
            }
        }

        var reference = dense.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray();
        foreach (var k in new[] { 0, 1, n / 3, n - 1 })
        {
            Assert.Equal(reference[k], SturmSequence.Eigenvalue(diagonal, off, k, 1e-12), 10);
        }
    }
}
