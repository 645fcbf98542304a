using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The GRU in the canonical form of §A.3 (autonomous, x_t = 0), state h ∈ R^N:
/// z = σ(U_z h + b_z), r = σ(U_r h + b_r), h̃ = tanh(U_h (r ⊙ h) + b_h), h_t = (1 − z) ⊙ h + z ⊙ h̃.
/// </summary>
/// <remarks>
/// z → 0 holds the state; the reset gate multiplies h <b>before</b> the matrix (unlike PyTorch/cuDNN). Weights
/// U_k ~ N(0, g_k²/N), so the gains g_z, g_r play the roles of α_z, α_r; biases are scalars shared by all units.
/// Draw order: U_z = Network.Fork(0), U_r = Network.Fork(1), U_h = Network.Fork(2), each N×N row-major.
/// U_z and U_r are stored stacked (2N×N) so both gates cost one GEMV and the tangent map one GEMM for both.
/// Jacobian (§A.3): [1 − z] + [(h̃ − h) ⊙ z'] U_z + [z ⊙ h̃'] U_h ([r] + [h ⊙ r'] U_r), z' = z(1 − z), r' = r(1 − r),
/// h̃' = 1 − h̃². At h = 0 with b_h = 0 it is (1 − s_z) I + s_z s_r U_h (§B.6). Not thread-safe.
/// </remarks>
public sealed partial class GruNetwork : IRecurrentNetwork, IDiscreteMap
{
    private readonly IDenseKernels kernels;
    private readonly double[] gateWeights;
    private readonly double[] candidateWeights;
    private readonly double bZ;
    private readonly double bR;
    private readonly double bH;
    private readonly double[] preActivation;
    private readonly double[] resetState;
    private readonly double[] z;
    private readonly double[] r;
    private readonly double[] candidate;
    private readonly StateMemo memo;

    /// <summary>A GRU on given matrices (each N×N row-major, copied); the gains in parameters are recorded, not applied.</summary>
    internal GruNetwork(
        int n, IReadOnlyDictionary<string, double> parameters,
        ReadOnlySpan<double> uZ, ReadOnlySpan<double> uR, ReadOnlySpan<double> uH, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.kernels = kernels;
        var size = n * n;
        gateWeights = new double[2 * size];
        uZ[..size].CopyTo(gateWeights);
        uR[..size].CopyTo(gateWeights.AsSpan(size));
        candidateWeights = uH[..size].ToArray();
        bZ = parameters["bZ"];
        bR = parameters["bR"];
        bH = parameters["bH"];
        preActivation = new double[2 * n];
        resetState = new double[n];
        z = new double[n];
        r = new double[n];
        candidate = new double[n];
        memo = new StateMemo(n);
        rowHold = new double[n];
        rowUpdate = new double[n];
        rowCandidate = new double[n];
        rowReset = new double[n];
    }

    public ModelFamily Family => ModelFamily.Gru;

    public int Units { get; }

    public int Dimension => Units;

    public TimeKind Time => TimeKind.Discrete;

    public double TimeStep => 1.0;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public bool IsAutonomous => true;

    public IDiscreteMap StepMap => this;

    /// <summary>U_z (N×N row-major).</summary>
    public ReadOnlySpan<double> UpdateWeights => gateWeights.AsSpan(0, Units * Units);

    /// <summary>U_r (N×N row-major).</summary>
    public ReadOnlySpan<double> ResetWeights => gateWeights.AsSpan(Units * Units, Units * Units);

    /// <summary>U_h (N×N row-major).</summary>
    public ReadOnlySpan<double> CandidateWeights => candidateWeights;

    /// <summary>U_z ~ N(0, g_z²/N), U_r ~ N(0, g_r²/N), U_h ~ N(0, g_h²/N) from Network.Fork(0, 1, 2).</summary>
    internal static GruNetwork Draw(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        var uZ = new double[n * n];
        var uR = new double[n * n];
        var uH = new double[n * n];
        WeightDraws.Gaussian(streams.Network, 0, n, parameters["gZ"], uZ);
        WeightDraws.Gaussian(streams.Network, 1, n, parameters["gR"], uR);
        WeightDraws.Gaussian(streams.Network, 2, n, parameters["gH"], uH);
        return new GruNetwork(n, parameters, uZ, uR, uH, kernels);
    }

    /// <summary>
    /// The unit statistics at state h (each length N): update gate z = σ(U_z h + b_z), reset gate r = σ(U_r h + b_r) and
    /// candidate h̃ = tanh(U_h (r ⊙ h) + b_h). Outputs must not overlap h.
    /// </summary>
    public void Gates(ReadOnlySpan<double> h, Span<double> z, Span<double> r, Span<double> candidate)
    {
        Guard.AtLeast(z.Length, Units, nameof(z));
        Guard.AtLeast(r.Length, Units, nameof(r));
        Guard.AtLeast(candidate.Length, Units, nameof(candidate));
        Statistics(h);
        this.z.CopyTo(z);
        this.r.CopyTo(r);
        this.candidate.CopyTo(candidate);
    }

    /// <summary>h_i ~ N(0, scale²).</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    /// <summary>result ← (1 − z) ⊙ h + z ⊙ h̃; result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Statistics(x);
        for (var i = 0; i < Units; i++)
        {
            result[i] = (1.0 - z[i]) * x[i] + z[i] * candidate[i];
        }
    }

    /// <summary>
    /// z, r and h̃ at h (two GEMVs), computed once per state: the tangent map and the state step at the same h share them.
    /// </summary>
    private void Statistics(ReadOnlySpan<double> h)
    {
        Guard.State(h, Dimension, nameof(h));
        if (memo.Holds(0, h))
        {
            return;
        }

        var n = Units;
        kernels.Gemv(false, 2 * n, n, 1.0, gateWeights, n, h, 0.0, preActivation);
        for (var i = 0; i < n; i++)
        {
            z[i] = Activation.Sigmoid(preActivation[i] + bZ);
            r[i] = Activation.Sigmoid(preActivation[n + i] + bR);
            resetState[i] = r[i] * h[i];
        }

        kernels.Gemv(false, n, n, 1.0, candidateWeights, n, resetState, 0.0, candidate);
        for (var i = 0; i < n; i++)
        {
            candidate[i] = Math.Tanh(candidate[i] + bH);
        }

        memo.Record(0, h);
    }
}
