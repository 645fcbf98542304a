using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

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
public sealed class MinimalNetwork : IRecurrentNetwork, IDiscreteMap
{
    private readonly CpsDrive drive;
    private readonly IDenseKernels kernels;
    private readonly double[] u;
    private readonly double[] gain;
    private readonly StateMemo memo;

    internal MinimalNetwork(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.kernels = kernels;
        drive = new CpsDrive(n, parameters, streams, kernels);
        u = new double[n];
        gain = new double[n];
        memo = new StateMemo(n);
    }

    public ModelFamily Family => ModelFamily.Minimal;

    public int Units { get; }

    public int Dimension => Units;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => 1.0;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>False with untied weights or any input (R &gt; 0: x_t enters h_t directly even when σ_v² = 0).</summary>
    public bool IsAutonomous => !drive.IsUntied && !drive.HasInput;

    public IDiscreteMap StepMap => this;

    /// <summary>The quenched W (N×N row-major); with untied = 1 the dynamics use <see cref="CopyRecurrentWeightsAt"/> instead.</summary>
    public ReadOnlySpan<double> RecurrentWeights => drive.RecurrentWeights;

    /// <summary>The quenched V (N×N row-major), empty when inputs do not enter the gate (σ_v² = 0 or R = 0).</summary>
    public ReadOnlySpan<double> InputWeights => drive.InputWeights;

    /// <summary>The biases b (length N).</summary>
    public ReadOnlySpan<double> Biases => drive.Biases;

    /// <summary>destination (N) ← x_t (zeros when R = 0).</summary>
    public void CopyInputAt(long t, Span<double> destination) => drive.InputAt(t).CopyTo(destination);

    /// <summary>destination (N×N) ← W_t, the recurrent matrix used at step t.</summary>
    public void CopyRecurrentWeightsAt(long t, Span<double> destination) => drive.RecurrentAt(t).CopyTo(destination);

    /// <summary>h_i ~ N(0, scale²), i = 0…N−1.</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    /// <summary>result ← h_t; result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Gate(t, x);
        var input = drive.InputAt(t);
        for (var i = 0; i < u.Length; i++)
        {
            result[i] = u[i] * x[i] + (1.0 - u[i]) * input[i];
        }
    }

    /// <summary>jacobian (N×N) ← [u] + [(h − x_t) ⊙ σ'(e)] W_t.</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(jacobian.Length, Dimension * Dimension, nameof(jacobian));
        Gate(t, x);
        RowGains(t, x);
        RowOps.Scale(gain, drive.RecurrentAt(t), Units, jacobian);
        for (var i = 0; i < Units; i++)
        {
            jacobian[i * Units + i] += u[i];
        }
    }

    /// <summary>
    /// result (N×k) ← [(h − x_t) ⊙ σ'(e)] (W_t V) + [u] V: one GEMM (GEMV for k = 1) and one row sweep; result must not
    /// overlap x or basis.
    /// </summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Gate(t, x);
        RowGains(t, x);
        MatrixProducts.Times(kernels, Units, Units, 1.0, drive.RecurrentAt(t), basis, columns, 0.0, result);
        RowOps.Combine(gain, result, u, basis, columns, result);
    }

    /// <summary>u ← σ(W_t h + V_t x_t + b), computed once per (t, h): the tangent map and the state step share it.</summary>
    private void Gate(long t, ReadOnlySpan<double> h)
    {
        if (memo.Holds(t, h))
        {
            return;
        }

        drive.PreActivation(t, h, u);
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = Activation.Sigmoid(u[i]);
        }

        memo.Record(t, h);
    }

    /// <summary>gain ← (h − x_t) ⊙ u(1 − u), the row scaling of W in the Jacobian.</summary>
    private void RowGains(long t, ReadOnlySpan<double> h)
    {
        var input = drive.InputAt(t);
        for (var i = 0; i < gain.Length; i++)
        {
            gain[i] = (h[i] - input[i]) * Activation.SigmoidSlope(1.0, u[i]);
        }
    }
}
