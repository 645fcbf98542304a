using System.Numerics;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Classifies a fixed point by the eigenvalues of the system's own Jacobian (not of G): flows by Re λ against 0,
/// maps by |λ| against 1 (§C: "stable iff every |λ| &lt; 1"), with a marginal band of the given width.
/// </summary>
internal sealed class StabilityClassifier(IDynamicalSystem system, IDenseKernels kernels, double marginalTolerance)
{
    private readonly int n = system.Dimension;
    private readonly bool isMap = system.Time == TimeKind.Discrete;
    private readonly double[] jacobian = new double[system.Dimension * system.Dimension];
    private readonly Complex[] eigenvalues = new Complex[system.Dimension];

    public FixedPoint Classify(DistinctPointSet.Entry entry, bool keepEigenvalues)
    {
        system.Jacobian(0, entry.State, jacobian);
        if (!kernels.Eigenvalues(jacobian, n, eigenvalues))
        {
            return new FixedPoint(
                entry.State, entry.Residual, entry.PositionError, entry.Hits, FixedPointStability.Unknown, 0, 0, Complex.NaN, null);
        }

        var unstable = 0;
        var marginal = 0;
        var leading = eigenvalues[0];
        foreach (var lambda in eigenvalues)
        {
            // Distance past the stability boundary: Re λ for flows, |λ| − 1 for maps.
            var excess = isMap ? lambda.Magnitude - 1.0 : lambda.Real;
            if (excess > marginalTolerance)
            {
                unstable++;
            }
            else if (excess >= -marginalTolerance)
            {
                marginal++;
            }

            if (isMap ? lambda.Magnitude > leading.Magnitude : lambda.Real > leading.Real)
            {
                leading = lambda;
            }
        }

        var stability = unstable > 0 ? FixedPointStability.Unstable
            : marginal > 0 ? FixedPointStability.Marginal
            : FixedPointStability.Stable;
        return new FixedPoint(
            entry.State, entry.Residual, entry.PositionError, entry.Hits, stability, unstable, marginal, leading,
            keepEigenvalues ? (Complex[])eigenvalues.Clone() : null);
    }
}
