using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The Jacobian shared by the z-free GRU and gated residuals: J_G = [a]·W·([d] + [e]·V·[f]) − I, all N×N row-major,
/// a, d, e, f vectors (a = null or f = null mean all ones). Cost: one N³ GEMM.
/// </summary>
internal sealed class GatedJacobianForm(int n, IDenseKernels kernels)
{
    private readonly double[] inner = new double[n * n];

    public void Compute(
        ReadOnlySpan<double> w, ReadOnlySpan<double> v, ReadOnlySpan<double> a, ReadOnlySpan<double> d,
        ReadOnlySpan<double> e, ReadOnlySpan<double> f, Span<double> jacobian)
    {
        // inner = [d] + [e]·V·[f]
        for (var j = 0; j < n; j++)
        {
            var row = j * n;
            for (var k = 0; k < n; k++)
            {
                inner[row + k] = e[j] * v[row + k] * (f.IsEmpty ? 1.0 : f[k]);
            }

            inner[row + j] += d[j];
        }

        kernels.Gemm(false, false, n, n, n, 1.0, w, n, inner, n, 0.0, jacobian, n);
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            if (!a.IsEmpty)
            {
                for (var k = 0; k < n; k++)
                {
                    jacobian[row + k] *= a[i];
                }
            }

            jacobian[row + i] -= 1.0;
        }
    }
}
