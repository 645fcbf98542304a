namespace OrleansSweep.Science.Models;

/// <summary>The exact Jacobian and tangent map of the LSTM step (§A.4).</summary>
public sealed partial class LstmNetwork
{
    private readonly double[] tanhCell;
    private readonly double[] rowForget;
    private readonly double[] rowInput;
    private readonly double[] rowCandidate;
    private readonly double[] rowOutput;
    private readonly double[] rowCell;
    private readonly Scratch gateProducts = new();

    /// <summary>
    /// jacobian (2N×2N, rows and columns ordered (h, c)):
    /// ∂c_t/∂h = [c ⊙ f'] U_f + [g ⊙ i'] U_i + [i ⊙ g'] U_g, ∂c_t/∂c = [f],
    /// ∂h_t/∂h = [tanh(c_t) ⊙ o'] U_o + [o ⊙ (1 − tanh² c_t)] ∂c_t/∂h, ∂h_t/∂c = [o ⊙ (1 − tanh² c_t) ⊙ f].
    /// </summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        var n = Units;
        var d = Dimension;
        Guard.AtLeast(jacobian.Length, d * d, nameof(jacobian));
        RowScalings(x);
        var uF = ForgetWeights;
        var uI = InputWeights;
        var uO = OutputWeights;
        var uG = CandidateWeights;
        jacobian[..(d * d)].Clear();
        for (var k = 0; k < n; k++)
        {
            var hRow = k * d;
            var cRow = (n + k) * d;
            var w = k * n;
            for (var j = 0; j < n; j++)
            {
                var dc = rowForget[k] * uF[w + j] + rowInput[k] * uI[w + j] + rowCandidate[k] * uG[w + j];
                jacobian[cRow + j] = dc;
                jacobian[hRow + j] = rowOutput[k] * uO[w + j] + rowCell[k] * dc;
            }

            jacobian[cRow + n + k] = forget[k];
            jacobian[hRow + n + k] = rowCell[k] * forget[k];
        }
    }

    /// <summary>
    /// result (2N×k) ← J·V with A = [U_f; U_i; U_o; U_g] V_h (one GEMM): result_c = [f] V_c + [c f'] A_f + [g i'] A_i
    /// + [i g'] A_g, result_h = [o (1 − tanh² c_t)] result_c + [tanh(c_t) o'] A_o (one GEMM, GEMV for k = 1); result
    /// must not overlap x or basis.
    /// </summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        var n = Units;
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        RowScalings(x);
        var block = n * columns;
        var a = gateProducts.Get(4 * block);
        MatrixProducts.Times(kernels, 4 * n, n, 1.0, weights, basis, columns, 0.0, a);

        var resultH = result[..block];
        var resultC = result.Slice(block, block);
        RowOps.Combine(rowForget, a[..block], forget, basis.Slice(block, block), rowInput, a.Slice(block, block), columns, resultC);
        RowOps.AddScaled(rowCandidate, a.Slice(3 * block, block), columns, resultC);
        RowOps.Combine(rowCell, resultC, rowOutput, a.Slice(2 * block, block), columns, resultH);
    }

    /// <summary>The gates at (h, c), tanh(c_t) and the diagonal factors of the Jacobian blocks.</summary>
    private void RowScalings(ReadOnlySpan<double> x)
    {
        var n = Units;
        Guard.State(x, Dimension, nameof(x));
        Statistics(x);
        for (var k = 0; k < n; k++)
        {
            var c = x[n + k];
            rowForget[k] = c * Activation.SigmoidSlope(1.0, forget[k]);
            rowInput[k] = cellCandidate[k] * Activation.SigmoidSlope(1.0, input[k]);
            rowCandidate[k] = input[k] * Activation.TanhSlope(1.0, cellCandidate[k]);
            rowOutput[k] = tanhCell[k] * Activation.SigmoidSlope(1.0, output[k]);
            rowCell[k] = output[k] * Activation.TanhSlope(1.0, tanhCell[k]);
        }
    }
}
