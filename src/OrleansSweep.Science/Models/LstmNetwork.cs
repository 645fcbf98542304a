using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The LSTM of §A.4 (autonomous), state (h, c) ∈ R^{2N} laid out as h in [0, N) and c in [N, 2N):
/// f = σ(U_f h + b_f), i = σ(U_i h + b_i), o = σ(U_o h + b_o), g = tanh(U_g h + b_g),
/// c_t = f ⊙ c + i ⊙ g, h_t = o ⊙ tanh(c_t).
/// </summary>
/// <remarks>
/// U_k ~ N(0, g_k²/N), scalar biases. Draw order: U_f, U_i, U_o, U_g = Network.Fork(0, 1, 2, 3), each N×N row-major,
/// stored stacked (4N×N) so all four gates cost one GEMV and the tangent map one GEMM. No peepholes: the gates read
/// h only. Jacobian blocks as in §A.4 (∂c/∂c = [f], ∂h/∂c = [o ⊙ (1 − tanh² c_t) ⊙ f], …). Not thread-safe.
/// </remarks>
public sealed partial class LstmNetwork : IRecurrentNetwork, IDiscreteMap
{
    private readonly IDenseKernels kernels;
    private readonly double[] weights;
    private readonly double bF;
    private readonly double bI;
    private readonly double bO;
    private readonly double bG;
    private readonly double[] preActivation;
    private readonly double[] forget;
    private readonly double[] input;
    private readonly double[] output;
    private readonly double[] cellCandidate;
    private readonly double[] cell;
    private readonly StateMemo memo;

    /// <summary>An LSTM on given matrices (each N×N row-major, copied); the gains in parameters are recorded, not applied.</summary>
    internal LstmNetwork(
        int n, IReadOnlyDictionary<string, double> parameters,
        ReadOnlySpan<double> uF, ReadOnlySpan<double> uI, ReadOnlySpan<double> uO, ReadOnlySpan<double> uG, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.kernels = kernels;
        var size = n * n;
        weights = new double[4 * size];
        uF[..size].CopyTo(weights);
        uI[..size].CopyTo(weights.AsSpan(size));
        uO[..size].CopyTo(weights.AsSpan(2 * size));
        uG[..size].CopyTo(weights.AsSpan(3 * size));
        bF = parameters["bF"];
        bI = parameters["bI"];
        bO = parameters["bO"];
        bG = parameters["bG"];
        preActivation = new double[4 * n];
        forget = new double[n];
        input = new double[n];
        output = new double[n];
        cellCandidate = new double[n];
        cell = new double[n];
        memo = new StateMemo(2 * n);
        tanhCell = new double[n];
        rowForget = new double[n];
        rowInput = new double[n];
        rowCandidate = new double[n];
        rowOutput = new double[n];
        rowCell = new double[n];
    }

    public ModelFamily Family => ModelFamily.Lstm;

    public int Units { get; }

    public int Dimension => 2 * Units;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => 1.0;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public bool IsAutonomous => true;

    public IDiscreteMap StepMap => this;

    /// <summary>U_f (N×N row-major).</summary>
    public ReadOnlySpan<double> ForgetWeights => Block(0);

    /// <summary>U_i (N×N row-major).</summary>
    public ReadOnlySpan<double> InputWeights => Block(1);

    /// <summary>U_o (N×N row-major).</summary>
    public ReadOnlySpan<double> OutputWeights => Block(2);

    /// <summary>U_g (N×N row-major).</summary>
    public ReadOnlySpan<double> CandidateWeights => Block(3);

    /// <summary>U_k ~ N(0, g_k²/N) for k = f, i, o, g from Network.Fork(0, 1, 2, 3).</summary>
    internal static LstmNetwork Draw(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        var names = new[] { "gF", "gI", "gO", "gG" };
        var matrices = new double[4][];
        for (var k = 0; k < 4; k++)
        {
            matrices[k] = new double[n * n];
            WeightDraws.Gaussian(streams.Network, (ulong)k, n, parameters[names[k]], matrices[k]);
        }

        return new LstmNetwork(n, parameters, matrices[0], matrices[1], matrices[2], matrices[3], kernels);
    }

    /// <summary>
    /// The gates at state (h, c) (each length N): f, i, o (sigmoids) and the cell candidate g (tanh). They depend on h
    /// only; c is taken so that callers pass the state as laid out and is checked for length. Outputs must not overlap h.
    /// </summary>
    public void Gates(ReadOnlySpan<double> h, ReadOnlySpan<double> c, Span<double> f, Span<double> i, Span<double> o, Span<double> g)
    {
        var n = Units;
        Guard.State(h, n, nameof(h));
        Guard.State(c, n, nameof(c));
        Guard.AtLeast(f.Length, n, nameof(f));
        Guard.AtLeast(i.Length, n, nameof(i));
        Guard.AtLeast(o.Length, n, nameof(o));
        Guard.AtLeast(g.Length, n, nameof(g));
        ComputeGates(h, f, i, o, g);
    }

    /// <summary>h_i ~ N(0, scale²) for i &lt; N, then c_i ~ N(0, scale²), both from <paramref name="random"/> in that order.</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    /// <summary>result ← (o ⊙ tanh(c_t), c_t) with c_t = f ⊙ c + i ⊙ g; result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        var n = Units;
        Statistics(x);
        for (var k = 0; k < n; k++)
        {
            result[n + k] = cell[k];
            result[k] = output[k] * tanhCell[k];
        }
    }

    /// <summary>
    /// The gates at h, c_t = f ⊙ c + i ⊙ g and tanh(c_t), computed once per state (one GEMV): the tangent map and the state
    /// step at the same (h, c) share them.
    /// </summary>
    private void Statistics(ReadOnlySpan<double> x)
    {
        if (memo.Holds(0, x))
        {
            return;
        }

        var n = Units;
        ComputeGates(x[..n], forget, input, output, cellCandidate);
        for (var k = 0; k < n; k++)
        {
            cell[k] = forget[k] * x[n + k] + input[k] * cellCandidate[k];
            tanhCell[k] = Math.Tanh(cell[k]);
        }

        memo.Record(0, x);
    }

    /// <summary>f, i, o, g at h: one GEMV of the stacked weights (scratch: preActivation only).</summary>
    private void ComputeGates(ReadOnlySpan<double> h, Span<double> f, Span<double> i, Span<double> o, Span<double> g)
    {
        var n = Units;
        kernels.Gemv(false, 4 * n, n, 1.0, weights, n, h, 0.0, preActivation);
        for (var k = 0; k < n; k++)
        {
            f[k] = Activation.Sigmoid(preActivation[k] + bF);
            i[k] = Activation.Sigmoid(preActivation[n + k] + bI);
            o[k] = Activation.Sigmoid(preActivation[2 * n + k] + bO);
            g[k] = Math.Tanh(preActivation[3 * n + k] + bG);
        }
    }

    private ReadOnlySpan<double> Block(int k) => weights.AsSpan(k * Units * Units, Units * Units);
}
