using System.Numerics;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>How a fixed point's linearisation classifies it.</summary>
public enum FixedPointStability
{
    /// <summary>Every eigenvalue strictly inside the stable region (flows: Re λ &lt; 0; maps: |λ| &lt; 1).</summary>
    Stable,

    /// <summary>At least one eigenvalue strictly outside (flows: Re λ &gt; 0; maps: |λ| &gt; 1).</summary>
    Unstable,

    /// <summary>None outside, but at least one within the marginal tolerance of the boundary.</summary>
    Marginal,

    /// <summary>The eigensolver did not converge; the counts are zero and the leading eigenvalue NaN.</summary>
    Unknown,
}

/// <summary>One distinct fixed point found by <see cref="FixedPointFinder"/>.</summary>
/// <remarks>
/// <para>
/// <see cref="State"/> has the system's state layout (vanilla, rate, minimal, GRU: h; LSTM: (h, c); gated: (h, z, r)).
/// <see cref="Residual"/> is the rms residual |G(x)|/√dim (G = f(x) for flows, F(x) − x for maps).
/// <see cref="PositionError"/> is the rms size of the last Newton step taken or proposed at the point, an estimate of
/// the distance to the exact root: about machine precision for a non-degenerate root, larger where the Jacobian of G
/// is (nearly) singular; NaN when it was singular there.
/// </para>
/// <para>
/// Stability uses the eigenvalues of the system's own Jacobian (∂f/∂x for flows, ∂F/∂x for maps), with the rule of
/// the time kind: flows count Re λ &gt; 0 as unstable, maps |λ| &gt; 1. For the gated RNN the 3N spectrum always contains
/// N eigenvalues −1/τ_z and N eigenvalues −1/τ_r at a fixed point (§A.2), which never change the classification.
/// </para>
/// </remarks>
/// <param name="State">The fixed point x*, length = state dimension.</param>
/// <param name="Residual">Rms residual at <paramref name="State"/>.</param>
/// <param name="PositionError">Rms of the last Newton step (see remarks).</param>
/// <param name="Hits">How many converged starts landed on this point.</param>
/// <param name="Stability">The classification.</param>
/// <param name="UnstableDirections">Flows: #{Re λ &gt; tol}; maps: #{|λ| &gt; 1 + tol} (the index of the point).</param>
/// <param name="MarginalDirections">Eigenvalues within the marginal tolerance of the boundary.</param>
/// <param name="LeadingEigenvalue">Flows: the eigenvalue with the largest real part; maps: the largest modulus.</param>
/// <param name="Eigenvalues">All eigenvalues when <see cref="FixedPointOptions.KeepEigenvalues"/> is set, else null.</param>
public sealed record FixedPoint(
    double[] State,
    double Residual,
    double PositionError,
    int Hits,
    FixedPointStability Stability,
    int UnstableDirections,
    int MarginalDirections,
    Complex LeadingEigenvalue,
    Complex[]? Eigenvalues)
{
    /// <summary>Whether every eigenvalue lies strictly inside the stable region.</summary>
    public bool Stable => Stability == FixedPointStability.Stable;
}
