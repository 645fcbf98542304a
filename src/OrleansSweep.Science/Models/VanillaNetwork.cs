using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The vanilla discrete tanh RNN of CPS (§A.5): e_t = W_t h_{t−1} + V_t x_t + b, h_t = tanh(e_t), state h ∈ R^N.
/// </summary>
/// <remarks>
/// W ~ N(0, σ_w²/N) or σ_w × Haar orthogonal (weights = 1); V ~ N(0, σ_v²/N); b_i ~ N(μ_b, σ_b²); inputs x_t i.i.d.
/// N(0, R) per component, regenerated from the Inputs stream as a pure function of t. With untied = 1, W_t and V_t
/// are redrawn at every step (annealed mean-field check). Draw order: see <see cref="CpsDrive"/>.
/// <see cref="IDynamicalSystem.Evaluate"/>(t, h_{t−1}) returns h_t, using x_t and W_t; the Jacobian is
/// ∂h_t/∂h_{t−1} = [φ'(e_t)] W_t. Not thread-safe.
/// </remarks>
public sealed class VanillaNetwork : CpsNetwork
{
    private readonly double[] activity;
    private readonly double[] slope;

    internal VanillaNetwork(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
        : base(n, parameters, streams, kernels)
    {
        activity = new double[n];
        slope = new double[n];
    }

    public override ModelFamily Family => ModelFamily.Vanilla;

    /// <summary>False with untied weights or when V x_t enters (σ_v² &gt; 0 and R &gt; 0).</summary>
    public override bool IsAutonomous => !Drive.IsUntied && !Drive.InputEntersPreActivation;

    /// <summary>result ← h_t = tanh(W_t x + V_t x_t + b); result may be the same span as x.</summary>
    public override void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Activity(t, x);
        activity.CopyTo(result);
    }

    /// <summary>jacobian (N×N) ← [φ'(e_t)] W_t.</summary>
    public override void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(jacobian.Length, Dimension * Dimension, nameof(jacobian));
        Slopes(t, x);
        RowOps.Scale(slope, Drive.RecurrentAt(t), Units, jacobian);
    }

    /// <summary>result (N×k) ← [φ'(e_t)] (W_t V): one GEMM (GEMV for k = 1); result must not overlap x or basis.</summary>
    public override void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(t, x);
        MatrixProducts.Times(Kernels, Units, Units, 1.0, Drive.RecurrentAt(t), basis, columns, 0.0, result);
        RowOps.Scale(slope, result, columns, result);
    }

    /// <summary>slope ← φ'(e_t) = 1 − tanh²(e_t).</summary>
    private void Slopes(long t, ReadOnlySpan<double> x)
    {
        Activity(t, x);
        for (var i = 0; i < slope.Length; i++)
        {
            slope[i] = Activation.TanhSlope(1.0, activity[i]);
        }
    }

    /// <summary>
    /// activity ← h_t = tanh(e_t), computed once per (t, h_{t−1}): the pre-activation GEMV(s) and the tanh are shared by
    /// the tangent map and the state step at the same point.
    /// </summary>
    private void Activity(long t, ReadOnlySpan<double> x)
    {
        if (Memo.Holds(t, x))
        {
            return;
        }

        Drive.PreActivation(t, x, activity);
        for (var i = 0; i < activity.Length; i++)
        {
            activity[i] = Math.Tanh(activity[i]);
        }

        Memo.Record(t, x);
    }
}
