namespace OrleansSweep.Science.Models;

/// <summary>The exact Jacobian and tangent map of the gated vector field (§A.2).</summary>
public sealed partial class GatedNetwork
{
    private readonly double[] phiSlope;
    private readonly double[] hColumnGain;
    private readonly double[] rColumnGain;
    private readonly double[] zDiagonal;
    private readonly Scratch scaled = new();

    /// <summary>
    /// jacobian (3N×3N, rows and columns ordered (h, z, r)), the block matrix of §A.2:
    /// [[σ_z](−I + J^h[σ_r ⊙ φ']), [σ_z' ⊙ u], [σ_z] J^h [σ_r' ⊙ φ]; J^z[φ']/τ_z, −I/τ_z, 0; J^r[φ']/τ_r, 0, −I/τ_r].
    /// </summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        var n = Units;
        var d = Dimension;
        Guard.AtLeast(jacobian.Length, d * d, nameof(jacobian));
        Slopes(x);
        var jZ = UpdateCoupling;
        var jR = OutputCoupling;
        jacobian[..(d * d)].Clear();
        for (var i = 0; i < n; i++)
        {
            var hRow = i * d;
            var zRow = (n + i) * d;
            var rRow = (2 * n + i) * d;
            var w = i * n;
            for (var j = 0; j < n; j++)
            {
                jacobian[hRow + j] = sigmaZ[i] * hidden[w + j] * hColumnGain[j];
                jacobian[hRow + 2 * n + j] = sigmaZ[i] * hidden[w + j] * rColumnGain[j];
                jacobian[zRow + j] = jZ[w + j] * phiSlope[j] / tauZ;
                jacobian[rRow + j] = jR[w + j] * phiSlope[j] / tauR;
            }

            jacobian[hRow + i] -= sigmaZ[i];
            jacobian[hRow + n + i] = zDiagonal[i];
            jacobian[zRow + n + i] = -1.0 / tauZ;
            jacobian[rRow + 2 * n + i] = -1.0 / tauR;
        }
    }

    /// <summary>
    /// result (3N×k) ← D·V for V = (V_h; V_z; V_r) with two GEMMs:
    /// S = [σ_r ⊙ φ'] V_h + [σ_r' ⊙ φ] V_r, result_h = [σ_z](J^h S − V_h) + [σ_z' ⊙ u] V_z;
    /// P = [φ'] V_h, (result_z; result_r) = [J^z; J^r] P, then result_z = (result_z − V_z)/τ_z, result_r alike.
    /// result must not overlap x or basis.
    /// </summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        var n = Units;
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(x);
        var block = n * columns;
        var vH = basis[..block];
        var vZ = basis.Slice(block, block);
        var vR = basis.Slice(2 * block, block);
        var s = scaled.Get(block);

        // h rows: S in scratch, J^h S straight into result_h, then the diagonal terms.
        RowOps.Scale(hColumnGain, vH, columns, s);
        RowOps.AddScaled(rColumnGain, vR, columns, s);
        var resultH = result[..block];
        kernels.Gemm(false, false, n, columns, n, 1.0, hidden, n, s, columns, 0.0, resultH, columns);
        RowOps.SubtractAndScale(resultH, vH, 1.0, resultH);
        RowOps.Scale(sigmaZ, resultH, columns, resultH);
        RowOps.AddScaled(zDiagonal, vZ, columns, resultH);

        // z and r rows: one GEMM of the stacked [J^z; J^r] with [φ'] V_h into the contiguous (z, r) rows of result.
        RowOps.Scale(phiSlope, vH, columns, s);
        var resultGates = result.Slice(block, 2 * block);
        kernels.Gemm(false, false, 2 * n, columns, n, 1.0, gates, n, s, columns, 0.0, resultGates, columns);
        RowOps.SubtractAndScale(resultGates[..block], vZ, 1.0 / tauZ, resultGates[..block]);
        RowOps.SubtractAndScale(resultGates[block..], vR, 1.0 / tauR, resultGates[block..]);
    }

    /// <summary>
    /// The statistics at x and the diagonal factors of D: φ' = g_h(1 − φ²), σ_r ⊙ φ', σ_r' ⊙ φ and σ_z' ⊙ u, with
    /// σ_z' = α_z σ_z(1 − σ_z) and σ_r' = α_r σ_r(1 − σ_r).
    /// </summary>
    private void Slopes(ReadOnlySpan<double> x)
    {
        Statistics(x);
        for (var i = 0; i < Units; i++)
        {
            phiSlope[i] = Activation.TanhSlope(gH, phi[i]);
            hColumnGain[i] = sigmaR[i] * phiSlope[i];
            rColumnGain[i] = Activation.SigmoidSlope(alphaR, sigmaR[i]) * phi[i];
            zDiagonal[i] = Activation.SigmoidSlope(alphaZ, sigmaZ[i]) * u[i];
        }
    }
}
