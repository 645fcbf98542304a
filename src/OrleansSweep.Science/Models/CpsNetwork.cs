using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// What the two discrete-time networks of CPS (§A.5 vanilla, §A.6 minimalRNN) share: the drive e_t = W_t h + V_t x_t + b
/// (weights, inputs, untied mode; see <see cref="CpsDrive"/>), one step per time unit, and the accessors for the
/// quenched draws. The subclasses add the nonlinearity, the state update and its Jacobian.
/// </summary>
/// <remarks>Not thread-safe: the drive and the per-state memo are mutable scratch.</remarks>
public abstract class CpsNetwork : IRecurrentNetwork, IDiscreteMap
{
    private protected CpsNetwork(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        Kernels = kernels;
        Drive = new CpsDrive(n, parameters, streams, kernels);
        Memo = new StateMemo(n);
    }

    public abstract ModelFamily Family { get; }

    public int Units { get; }

    public int Dimension => Units;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => 1.0;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public abstract bool IsAutonomous { get; }

    public IDiscreteMap StepMap => this;

    /// <summary>The quenched W (N×N row-major); with untied = 1 the dynamics use <see cref="CopyRecurrentWeightsAt"/> instead.</summary>
    public ReadOnlySpan<double> RecurrentWeights => Drive.RecurrentWeights;

    /// <summary>The quenched V (N×N row-major), empty when inputs do not enter the pre-activation (σ_v² = 0 or R = 0).</summary>
    public ReadOnlySpan<double> InputWeights => Drive.InputWeights;

    /// <summary>The biases b (length N).</summary>
    public ReadOnlySpan<double> Biases => Drive.Biases;

    private protected CpsDrive Drive { get; }

    private protected IDenseKernels Kernels { get; }

    /// <summary>The last (t, h) whose pre-activation statistics are held, so tangent map and state step share them.</summary>
    private protected StateMemo Memo { get; }

    /// <summary>destination (N) ← x_t, the input of step t (zeros when R = 0).</summary>
    public void CopyInputAt(long t, Span<double> destination) => Drive.InputAt(t).CopyTo(destination);

    /// <summary>e ← W_t h + V_t x_t + b, the pre-activation of step t from the state h (§A.5, §A.6); e must not overlap h.</summary>
    public void PreActivation(long t, ReadOnlySpan<double> h, Span<double> e) => Drive.PreActivation(t, h, e);

    /// <summary>destination (N×N) ← W_t, the recurrent matrix used at step t (the quenched W unless untied).</summary>
    public void CopyRecurrentWeightsAt(long t, Span<double> destination) => Drive.RecurrentAt(t).CopyTo(destination);

    /// <summary>h_i ~ N(0, scale²), i = 0…N−1.</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    public abstract void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result);

    public abstract void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian);

    public abstract void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result);
}
