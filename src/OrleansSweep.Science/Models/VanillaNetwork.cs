using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

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
public sealed class VanillaNetwork : IRecurrentNetwork, IDiscreteMap
{
    private readonly CpsDrive drive;
    private readonly IDenseKernels kernels;
    private readonly double[] activity;
    private readonly double[] slope;
    private readonly StateMemo memo;

    internal VanillaNetwork(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.kernels = kernels;
        drive = new CpsDrive(n, parameters, streams, kernels);
        activity = new double[n];
        slope = new double[n];
        memo = new StateMemo(n);
    }

    public ModelFamily Family => ModelFamily.Vanilla;

    public int Units { get; }

    public int Dimension => Units;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => 1.0;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>False with untied weights or when V x_t enters (σ_v² &gt; 0 and R &gt; 0).</summary>
    public bool IsAutonomous => !drive.IsUntied && !drive.InputEntersPreActivation;

    public IDiscreteMap StepMap => this;

    /// <summary>The quenched W (N×N row-major); with untied = 1 the dynamics use <see cref="CopyRecurrentWeightsAt"/> instead.</summary>
    public ReadOnlySpan<double> RecurrentWeights => drive.RecurrentWeights;

    /// <summary>The quenched V (N×N row-major), empty when inputs do not enter (σ_v² = 0 or R = 0).</summary>
    public ReadOnlySpan<double> InputWeights => drive.InputWeights;

    /// <summary>The biases b (length N).</summary>
    public ReadOnlySpan<double> Biases => drive.Biases;

    /// <summary>destination (N) ← x_t, the input of step t (zeros when R = 0).</summary>
    public void CopyInputAt(long t, Span<double> destination) => drive.InputAt(t).CopyTo(destination);

    /// <summary>destination (N×N) ← W_t, the recurrent matrix used at step t (the quenched W unless untied).</summary>
    public void CopyRecurrentWeightsAt(long t, Span<double> destination) => drive.RecurrentAt(t).CopyTo(destination);

    /// <summary>h_i ~ N(0, scale²), i = 0…N−1.</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    /// <summary>result ← h_t = tanh(W_t x + V_t x_t + b); result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Activity(t, x);
        activity.CopyTo(result);
    }

    /// <summary>jacobian (N×N) ← [φ'(e_t)] W_t.</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(jacobian.Length, Dimension * Dimension, nameof(jacobian));
        Slopes(t, x);
        RowOps.Scale(slope, drive.RecurrentAt(t), Units, jacobian);
    }

    /// <summary>result (N×k) ← [φ'(e_t)] (W_t V): one GEMM (GEMV for k = 1); result must not overlap x or basis.</summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(t, x);
        MatrixProducts.Times(kernels, Units, Units, 1.0, drive.RecurrentAt(t), basis, columns, 0.0, result);
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
        if (memo.Holds(t, x))
        {
            return;
        }

        drive.PreActivation(t, x, activity);
        for (var i = 0; i < activity.Length; i++)
        {
            activity[i] = Math.Tanh(activity[i]);
        }

        memo.Record(t, x);
    }
}
