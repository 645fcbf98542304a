namespace OrleansSweep.Science.Models;

/// <summary>The exact Jacobian and tangent map of the GRU step (§A.3).</summary>
public sealed partial class GruNetwork
{
    private readonly double[] rowHold;
    private readonly double[] rowUpdate;
    private readonly double[] rowCandidate;
    private readonly double[] rowReset;
    private readonly Scratch gateProducts = new();
    private readonly Scratch resetProducts = new();

    /// <summary>jacobian (N×N) ← [1 − z] + [(h̃ − h) ⊙ z'] U_z + [z ⊙ h̃'] U_h ([r] + [h ⊙ r'] U_r): one N³ GEMM.</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        var n = Units;
        Guard.AtLeast(jacobian.Length, n * n, nameof(jacobian));
        RowScalings(x);

        // M = [r] + [h ⊙ r'] U_r, then U_h M.
        var m = resetProducts.Get(n * n);
        RowOps.Scale(rowReset, ResetWeights, n, m);
        for (var i = 0; i < n; i++)
        {
            m[i * n + i] += r[i];
        }

        kernels.Gemm(false, false, n, n, n, 1.0, candidateWeights, n, m, n, 0.0, jacobian, n);
        RowOps.Scale(rowCandidate, jacobian, n, jacobian);
        RowOps.AddScaled(rowUpdate, UpdateWeights, n, jacobian);
        for (var i = 0; i < n; i++)
        {
            jacobian[i * n + i] += rowHold[i];
        }
    }

    /// <summary>
    /// result (N×k) ← J·V as A = [U_z; U_r] V, C = [r] V + [h ⊙ r'] A_r, result = [z ⊙ h̃'] U_h C + [(h̃ − h) ⊙ z'] A_z
    /// + [1 − z] V: two GEMMs (GEMVs for k = 1), each followed by one row sweep; result must not overlap x or basis.
    /// </summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        var n = Units;
        Guard.Tangent(x, n, basis.Length, columns, result.Length);
        RowScalings(x);
        var block = n * columns;
        var a = gateProducts.Get(2 * block);
        MatrixProducts.Times(kernels, 2 * n, n, 1.0, gateWeights, basis, columns, 0.0, a);

        var c = resetProducts.Get(block);
        RowOps.Combine(r, basis, rowReset, a[block..], columns, c);

        MatrixProducts.Times(kernels, n, n, 1.0, candidateWeights, c, columns, 0.0, result);
        RowOps.Combine(rowCandidate, result, rowUpdate, a[..block], rowHold, basis, columns, result);
    }

    /// <summary>The gates at h and the diagonal factors 1 − z, (h̃ − h) z', z h̃', h r' of the Jacobian.</summary>
    private void RowScalings(ReadOnlySpan<double> h)
    {
        Statistics(h);
        for (var i = 0; i < Units; i++)
        {
            rowHold[i] = 1.0 - z[i];
            rowUpdate[i] = (candidate[i] - h[i]) * Activation.SigmoidSlope(1.0, z[i]);
            rowCandidate[i] = z[i] * Activation.TanhSlope(1.0, candidate[i]);
            rowReset[i] = h[i] * Activation.SigmoidSlope(1.0, r[i]);
        }
    }
}
