using System.Numerics;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>science.md §B.1 (circular law) and §D case 1, at N = 400 so that the suite stays fast.</summary>
public class CircularLawTests
{
    private const int N = 400;

    public static TheoryData<string, double> Cases
    {
        get
        {
            var data = new TheoryData<string, double>();
            foreach (var kernels in KernelSource.Names)
            {
                foreach (var g in new[] { 0.5, 1.0, 2.0 })
                {
                    data.Add(kernels, g);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ginibre_eigenvalues_fill_the_disk_of_radius_g_uniformly(string kernels, double g)
    {
        foreach (var seed in new ulong[] { 11, 12, 13 })
        {
            // X with i.i.d. N(0, g²/N) entries: eigenvalues uniform in |λ| ≤ g as N → ∞.
            var stream = StreamKeys.Stream(seed, $"circular-law/N{N}/g{g}", 0, StreamRole.Network);
            var x = TestMatrices.Gaussian(stream, N, N, N, g / Math.Sqrt(N));
            var lambda = new Complex[N];
            Assert.True(KernelSource.Get(kernels).Eigenvalues(x, N, lambda));

            // The finite-N edge overshoots by O(N^−1/2) (§B.1: 2–4 % at N = 1000), hence the asymmetric window.
            var radius = lambda.Max(Complex.Abs) / g;
            Assert.InRange(radius, 0.97, 1.08);

            // Uniform density: the disk of radius g/2 holds a quarter of the eigenvalues.
            var inner = lambda.Count(z => Complex.Abs(z) < g / 2.0) / (double)N;
            Assert.InRange(inner, 0.22, 0.28);
        }
    }
}
