using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Lyapunov;

/// <summary>Re-orthonormalisation of the tangent basis: q ← Q, rDiagonal ← diag(R) of its thin QR.</summary>
internal sealed partial class BenettinRun
{
    /// <summary>
    /// Thin QR of the N×k basis in place (diag R ≥ 0) by Cholesky QR, which runs at level-3 speed and falls back to
    /// Householder by itself when the basis is too ill-conditioned (see <see cref="CholeskyQr"/>); a single column
    /// is only normalised.
    /// </summary>
    private void Orthonormalise()
    {
        if (orthonormaliser is null)
        {
            rDiagonal[0] = Normalise(q);
            return;
        }

        orthonormaliser.Orthonormalise(q, rDiagonal);
    }

    /// <summary>
    /// v ← v/‖v‖, returning ‖v‖: the k = 1 QR (R = ‖v‖ ≥ 0, Q = v/‖v‖) without the LAPACK round trip (workspace query,
    /// pooled scratch and, row-major, a transposition), which for discrete maps would run every step.
    /// </summary>
    /// <remarks>
    /// Scaled by max|v_i| first, so that neither squares of large components overflow nor those of small ones
    /// underflow. A zero column returns 0 and becomes e_1 (what Householder QR returns: H = I); a non-finite one returns
    /// NaN or ∞, which the caller reports as divergence.
    /// </remarks>
    private static double Normalise(Span<double> v)
    {
        // MaxMagnitude returns the signed component of largest modulus (NaN if any is NaN).
        var scale = Math.Abs(TensorPrimitives.MaxMagnitude(v));
        if (!double.IsFinite(scale))
        {
            return scale;
        }

        if (scale == 0)
        {
            v[0] = 1.0;
            return 0.0;
        }

        TensorPrimitives.Divide(v, scale, v);
        var norm = TensorPrimitives.Norm(v);
        TensorPrimitives.Divide(v, norm, v);
        return scale * norm;
    }
}
