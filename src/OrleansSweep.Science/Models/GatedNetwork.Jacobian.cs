using System.Numerics.Tensors;

namespace OrleansSweep.Science.Models;

/// <summary>The exact Jacobian, tangent map and Jacobian trace of the gated vector field (§A.2).</summary>
public sealed partial class GatedNetwork
{
    private readonly double[] phiSlope;
    private readonly double[] hColumnGain;
    private readonly double[] rColumnGain;
    private readonly double[] zDiagonal;
    private readonly double[] hGemmGain;
    private readonly double[] hHold;
    private readonly double[] hCross;
    private readonly Scratch scaled = new();
    private readonly Scratch reset = new();

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

        if (Adiabatic)
        {
            AddAdiabaticResetBlock(jacobian);
        }
    }

    /// <summary>
    /// τ_r = 0: the h–r block is 0 and the h–h block gains [σ_z] J^h [σ_r' ⊙ φ] J^r [φ'] (σ_r reads J^r φ(h)); one GEMM.
    /// </summary>
    private void AddAdiabaticResetBlock(Span<double> jacobian)
    {
        var n = Units;
        var d = Dimension;
        var jR = OutputCoupling;
        var block = reset.Get(2 * n * n);
        var scaledReset = block[..(n * n)];
        var product = block[(n * n)..];
        for (var k = 0; k < n; k++)
        {
            for (var j = 0; j < n; j++)
            {
                scaledReset[(k * n) + j] = rColumnGain[k] * jR[(k * n) + j] * phiSlope[j];
            }
        }

        MatrixProducts.Times(kernels, n, n, 1.0, hidden, scaledReset, n, 0.0, product);
        for (var i = 0; i < n; i++)
        {
            var hRow = i * d;
            for (var j = 0; j < n; j++)
            {
                jacobian[hRow + j] += sigmaZ[i] * product[(i * n) + j];
                jacobian[hRow + 2 * n + j] = 0;
            }
        }
    }

    /// <summary>
    /// result (3N×k) ← D·V for V = (V_h; V_z; V_r) with two GEMMs (see <see cref="Tangent"/>); result must not overlap
    /// x or basis.
    /// </summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result) =>
        Tangent(x, basis, columns, 0.0, 1.0, result);

    /// <summary>result ← (I + α·D)·V with the same two GEMMs, the shift folded into the row combinations and β.</summary>
    public void ShiftedJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, double alpha, Span<double> result) =>
        Tangent(x, basis, columns, 1.0, alpha, result);

    /// <summary>
    /// tr D = Σ_i σ_z,i (J^h_ii σ_r,i φ'_i − 1) − N/τ_z − N/τ_r in O(N): the diagonal of the three diagonal blocks of
    /// <see cref="Jacobian"/> (the gate blocks are −I/τ, the h block [σ_z](−I + J^h[σ_r ⊙ φ'])).
    /// </summary>
    public double JacobianTrace(long t, ReadOnlySpan<double> x)
    {
        Guard.State(x, Dimension, nameof(x));
        var n = Units;
        if (Adiabatic)
        {
            return AdiabaticTrace(x);
        }

        var known = memo.Holds(0, x);
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            // The statistics of this state when the tangent or the state step already has them; no GEMV otherwise.
            var phiI = known ? phi[i] : Math.Tanh(gH * x[i] + betaH);
            var sigmaZI = known ? sigmaZ[i] : Activation.Sigmoid(alphaZ * x[n + i] + bZ);
            var sigmaRI = known ? sigmaR[i] : Activation.Sigmoid(alphaR * x[2 * n + i] + bR);
            var gain = sigmaRI * Activation.TanhSlope(gH, phiI);
            trace += (sigmaZI * hidden[(i * n) + i] * gain) - sigmaZI;
        }

        return trace - (n / tauZ) - (n / tauR);
    }

    /// <summary>
    /// τ_r = 0: tr D = Σ_i σ_z,i (J^h_ii σ_r,i φ'_i + φ'_i Σ_k J^h_ik σ_r,k' φ_k J^r_ki − 1) − N/τ_z − N (the follower slot),
    /// in O(N²) after the statistics (one GEMV when the state is new).
    /// </summary>
    private double AdiabaticTrace(ReadOnlySpan<double> x)
    {
        var n = Units;
        Slopes(x);
        var jR = OutputCoupling;
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cross = 0.0;
            for (var k = 0; k < n; k++)
            {
                cross += hidden[(i * n) + k] * rColumnGain[k] * jR[(k * n) + i];
            }

            trace += sigmaZ[i] * ((hidden[(i * n) + i] * hColumnGain[i]) + (phiSlope[i] * cross) - 1);
        }

        return trace - (n / tauZ) - (n / tauR);
    }

    /// <summary>
    /// result ← shift·V + α·D·V with S = [σ_r ⊙ φ'] V_h + [σ_r' ⊙ φ] V_r and P = [φ'] V_h:
    /// result_h = α[σ_z] J^h S + [shift − α σ_z] V_h + α[σ_z' ⊙ u] V_z (GEMM, then one row sweep);
    /// result_z = (shift − α/τ_z) V_z + (α/τ_z) J^z P and result_r alike (pre-scaled copy, then GEMM with β = 1: one
    /// stacked [J^z; J^r] GEMM when τ_z = τ_r, two otherwise).
    /// </summary>
    private void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, double shift, double alpha, Span<double> result)
    {
        var n = Units;
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(x);
        var block = n * columns;
        var vH = basis[..block];
        var vZ = basis.Slice(block, block);
        var vR = basis.Slice(2 * block, block);
        var s = scaled.Get(block);
        for (var i = 0; i < n; i++)
        {
            hGemmGain[i] = alpha * sigmaZ[i];
            hHold[i] = shift - hGemmGain[i];
            hCross[i] = alpha * zDiagonal[i];
        }

        // h rows: S in scratch, J^h S straight into result_h, then every diagonal term in one sweep. Adiabatic reset: the
        // gate term reads J^r P (P = [φ'] V_h) instead of V_r, one more GEMM.
        if (Adiabatic)
        {
            var resetField = reset.Get(block);
            RowOps.Scale(phiSlope, vH, columns, s);
            MatrixProducts.Times(kernels, n, n, 1.0, OutputCoupling, s, columns, 0.0, resetField);
            RowOps.Combine(hColumnGain, vH, rColumnGain, resetField, columns, s);
        }
        else
        {
            RowOps.Combine(hColumnGain, vH, rColumnGain, vR, columns, s);
        }
        var resultH = result[..block];
        MatrixProducts.Times(kernels, n, n, 1.0, hidden, s, columns, 0.0, resultH);
        RowOps.Combine(hGemmGain, resultH, hHold, vH, hCross, vZ, columns, resultH);

        // z and r rows: pre-scaled copies of V_z, V_r, then J^z P and J^r P accumulated onto them.
        RowOps.Scale(phiSlope, vH, columns, s);
        var resultZ = result.Slice(block, block);
        var resultR = result.Slice(2 * block, block);
        TensorPrimitives.Multiply(vZ, shift - (alpha / tauZ), resultZ);
        TensorPrimitives.Multiply(vR, shift - (alpha / tauR), resultR);
        if (tauZ == tauR)
        {
            MatrixProducts.Times(kernels, 2 * n, n, alpha / tauZ, gates, s, columns, 1.0, result.Slice(block, 2 * block));
        }
        else
        {
            MatrixProducts.Times(kernels, n, n, alpha / tauZ, UpdateCoupling, s, columns, 1.0, resultZ);
            MatrixProducts.Times(kernels, n, n, alpha / tauR, OutputCoupling, s, columns, 1.0, resultR);
        }
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
