using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The minimalRNN of CPS (§A.6): e_t = W_t h_{t−1} + V_t x_t + b, u_t = σ(e_t), h_t = u_t ⊙ h_{t−1} + (1 − u_t) ⊙ x_t,
/// state h ∈ R^N.
/// </summary>
/// <remarks>
/// Same ensembles, inputs, untied mode and draw order as <see cref="VanillaNetwork"/> (see <see cref="CpsDrive"/>);
/// the input is already N-dimensional (no embedding). A large positive μ_b gives u ≈ 1, i.e. long memory.
/// Jacobian ∂h_t/∂h_{t−1} = [u_t] + [(h_{t−1} − x_t) ⊙ σ'(e_t)] W_t with σ' = u(1 − u). Not thread-safe.
/// </remarks>
public sealed class MinimalNetwork : CpsNetwork
{
    private readonly double[] u;
    private readonly double[] gain;

    internal MinimalNetwork(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
        : base(n, parameters, streams, kernels)
    {
        u = new double[n];
        gain = new double[n];
    }

    public override ModelFamily Family => ModelFamily.Minimal;

    /// <summary>False with untied weights or any input (R &gt; 0: x_t enters h_t directly even when σ_v² = 0).</summary>
    public override bool IsAutonomous => !Drive.IsUntied && !Drive.HasInput;

    /// <summary>result ← h_t; result may be the same span as x.</summary>
    public override void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Gate(t, x);
        var input = Drive.InputAt(t);
        for (var i = 0; i < u.Length; i++)
        {
            result[i] = u[i] * x[i] + (1.0 - u[i]) * input[i];
        }
    }

    /// <summary>jacobian (N×N) ← [u] + [(h − x_t) ⊙ σ'(e)] W_t.</summary>
    public override void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(jacobian.Length, Dimension * Dimension, nameof(jacobian));
        Gate(t, x);
        RowGains(t, x);
        RowOps.Scale(gain, Drive.RecurrentAt(t), Units, jacobian);
        for (var i = 0; i < Units; i++)
        {
            jacobian[i * Units + i] += u[i];
        }
    }

    /// <summary>
    /// result (N×k) ← [(h − x_t) ⊙ σ'(e)] (W_t V) + [u] V: one GEMM (GEMV for k = 1) and one row sweep; result must not
    /// overlap x or basis.
    /// </summary>
    public override void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Gate(t, x);
        RowGains(t, x);
        MatrixProducts.Times(Kernels, Units, Units, 1.0, Drive.RecurrentAt(t), basis, columns, 0.0, result);
        RowOps.Combine(gain, result, u, basis, columns, result);
    }

    /// <summary>u ← σ(W_t h + V_t x_t + b), computed once per (t, h): the tangent map and the state step share it.</summary>
    private void Gate(long t, ReadOnlySpan<double> h)
    {
        if (Memo.Holds(t, h))
        {
            return;
        }

        Drive.PreActivation(t, h, u);
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = Activation.Sigmoid(u[i]);
        }

        Memo.Record(t, h);
    }

    /// <summary>gain ← (h − x_t) ⊙ u(1 − u), the row scaling of W in the Jacobian.</summary>
    private void RowGains(long t, ReadOnlySpan<double> h)
    {
        var input = Drive.InputAt(t);
        for (var i = 0; i < gain.Length; i++)
        {
            gain[i] = (h[i] - input[i]) * Activation.SigmoidSlope(1.0, u[i]);
        }
    }
}
