using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The random matrices of §A.0. Every matrix is filled row-major with standard normals from its own labelled child
/// (<see cref="RandomStream.Fork"/>) of a role stream and then scaled, so the draw of one matrix never depends on
/// whether another is drawn.
/// </summary>
internal static class WeightDraws
{
    /// <summary>destination (rows × N, row-major) ← i.i.d. N(0, gain²/N): the variance convention of §A.0.</summary>
    public static void Gaussian(RandomStream stream, ulong label, int n, double gain, Span<double> destination) =>
        stream.Fork(label).FillGaussian(destination, gain / Math.Sqrt(n));

    /// <summary>
    /// destination (N × N) ← scale · Q with Q Haar-distributed on O(N): the QR factor of a Gaussian matrix with the sign
    /// fix diag(R) ≥ 0 (which <see cref="IDenseKernels.QrThin"/> applies), the standard construction of Haar measure.
    /// </summary>
    /// <remarks>The matrix is reproducible bit for bit for a given kernel implementation, and across kernels to rounding.</remarks>
    public static void HaarOrthogonal(RandomStream stream, ulong label, int n, double scale, IDenseKernels kernels, Span<double> destination, Span<double> rScratch)
    {
        stream.Fork(label).FillGaussian(destination);
        kernels.QrThin(destination, n, n, rScratch);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] *= scale;
        }
    }

    /// <summary>destination ← i.i.d. N(mean, variance) (the biases of §A.5).</summary>
    public static void Biases(RandomStream stream, ulong label, double mean, double variance, Span<double> destination) =>
        stream.Fork(label).FillGaussian(destination, Math.Sqrt(variance), mean);
}
