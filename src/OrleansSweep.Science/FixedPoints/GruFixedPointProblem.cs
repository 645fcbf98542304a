using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// The GRU's fixed-point equation without the update gate (§A.3, §C "Newton–Raphson on F(h) = h − h̃(h)"):
/// G(h) = h̃(h) − h with r = σ(U_r h + b_r), h̃ = tanh(U_h (r ⊙ h) + b_h).
/// </summary>
/// <remarks>
/// h_t − h_{t−1} = z ⊙ (h̃ − h) and z &gt; 0, so the roots are exactly the GRU's fixed points for every g_z, b_z (§D case
/// 13). Working with G instead of F(h) − h also removes false roots where z underflows and the map holds any state.
/// ∂G/∂h = [1 − h̃²] U_h ([r] + [h ⊙ r(1 − r)] U_r) − I (gains inside U, §A.3).
/// </remarks>
internal sealed class GruFixedPointProblem : IFixedPointProblem
{
    private readonly IDenseKernels kernels;
    private readonly GatedJacobianForm form;
    private readonly double[] reset;
    private readonly double[] candidate;
    private readonly double bR;
    private readonly double bH;
    private readonly double[] r;
    private readonly double[] resetState;
    private readonly double[] tilde;
    private readonly double[] candidateSlope;
    private readonly double[] resetSlope;

    public GruFixedPointProblem(GruNetwork network, IDenseKernels kernels)
    {
        this.kernels = kernels;
        var n = Dimension = network.Units;
        form = new GatedJacobianForm(n, kernels);
        reset = network.ResetWeights.ToArray();
        candidate = network.CandidateWeights.ToArray();
        bR = network.Parameters["bR"];
        bH = network.Parameters["bH"];
        r = new double[n];
        resetState = new double[n];
        tilde = new double[n];
        candidateSlope = new double[n];
        resetSlope = new double[n];
    }

    public int Dimension { get; }

    public void Residual(ReadOnlySpan<double> y, Span<double> residual)
    {
        Candidate(y);
        for (var i = 0; i < Dimension; i++)
        {
            residual[i] = tilde[i] - y[i];
        }
    }

    public void Jacobian(ReadOnlySpan<double> y, Span<double> jacobian)
    {
        Candidate(y);
        for (var j = 0; j < Dimension; j++)
        {
            candidateSlope[j] = 1.0 - (tilde[j] * tilde[j]);
            resetSlope[j] = y[j] * r[j] * (1.0 - r[j]);
        }

        form.Compute(candidate, reset, candidateSlope, r, resetSlope, [], jacobian);
    }

    public void Project(ReadOnlySpan<double> state, Span<double> y) => state.CopyTo(y);

    public void Lift(ReadOnlySpan<double> y, Span<double> state) => y.CopyTo(state);

    /// <summary>r and h̃ (kept in <see cref="tilde"/>) at y.</summary>
    private void Candidate(ReadOnlySpan<double> y)
    {
        var n = Dimension;
        kernels.Gemv(false, n, n, 1.0, reset, n, y, 0.0, r);
        for (var i = 0; i < n; i++)
        {
            r[i] = Activation.Sigmoid(r[i] + bR);
            resetState[i] = r[i] * y[i];
        }

        kernels.Gemv(false, n, n, 1.0, candidate, n, resetState, 0.0, tilde);
        for (var i = 0; i < n; i++)
        {
            tilde[i] = Math.Tanh(tilde[i] + bH);
        }
    }
}
