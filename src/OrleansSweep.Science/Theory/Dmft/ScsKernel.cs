using OrleansSweep.Science.Theory.Quadrature;

namespace OrleansSweep.Science.Theory.Dmft;

/// <summary>
/// SCS (§A.1, §B.3–B.4): ν(Δ) = g² C_φ(Δ), K(Δ) = g² C_φ'(Δ) with φ = tanh, x in its own units (Var x = Δ0).
/// </summary>
internal sealed class ScsKernel(double g) : IGaussianDmftKernel
{
    public double MaximumDelta0 => 2 * g * g;

    public double ZeroLimitSlope => g * g;

    public void Evaluate(double delta0, ReadOnlySpan<double> deltas, Span<double> nu, Span<double> slope)
    {
        for (var i = 0; i < deltas.Length; i++)
        {
            var moments = GaussianPairKernels.Tanh(0, delta0, deltas[i]);
            nu[i] = g * g * moments.Product;
            slope[i] = g * g * moments.SlopeProduct;
        }
    }
}
