using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The continuous-time gated RNN of PRX (§A.2), state (h, z, r) ∈ R^{3N} laid out as h in [0, N), z in [N, 2N),
/// r in [2N, 3N); time in units of τ_h = 1:
/// dh/dt = σ_z(z) ⊙ (−h + J^h (σ_r(r) ⊙ φ(h))), τ_z dz/dt = −z + J^z φ(h), τ_r dr/dt = −r + J^r φ(h).
/// </summary>
/// <remarks>
/// φ(x) = tanh(g_h x + β_h), σ_z(x) = σ(α_z x + b_z), σ_r(x) = σ(α_r x + b_r) with the biases inside the sigmoid
/// (PRX β_k = −b_k). J^h, J^z, J^r ~ N(0, 1/N) independent, drawn from Network.Fork(0, 1, 2), row-major; J^z and J^r
/// are stored stacked (2N×N) so both gate fields cost one GEMV and the tangent map one GEMM.
/// Exact reduction: α_z = α_r = 0 is the rate network with g = g_h σ(b_r) in x = g_h h, on time slowed by σ(b_z).
/// <see cref="StepMap"/> is the Euler or RK4 map with step dt; keep dt well below min(τ_z, τ_r).
/// <para>
/// τ_r = 0 (<see cref="Adiabatic"/>): dh/dt = σ_z(z) ⊙ (−h + J^h (σ_r(J^r φ(h)) ⊙ φ(h))), the τ_r → 0 limit. The state
/// keeps its (h, z, r) layout: the r slot obeys dr/dt = −r + J^r φ(h) (a follower with unit time constant that the
/// dynamics never read), so it equals the reset field on the slow manifold and at fixed points, adds N eigenvalues and
/// exponents of exactly −1 (block-triangular: nothing feeds back), and leaves every other eigenvalue and exponent, the
/// fixed points and the h trajectory those of the adiabatic model. The h–h Jacobian block gains
/// [σ_z] J^h [σ_r' ⊙ φ] J^r [φ'] and the h–r block vanishes.
/// </para> The trace of the
/// Jacobian and the fused Euler tangent are available without forming the 3N×3N Jacobian
/// (<see cref="IHasJacobianTrace"/>, <see cref="IHasShiftedTangent"/>). Not thread-safe.
/// </remarks>
public sealed partial class GatedNetwork : IRecurrentNetwork, IHasJacobianTrace, IHasShiftedTangent
{
    private readonly IDenseKernels kernels;
    private readonly double[] hidden;
    private readonly double[] gates;
    private readonly double gH;
    private readonly double betaH;
    private readonly double alphaZ;
    private readonly double bZ;
    private readonly double alphaR;
    private readonly double bR;
    private readonly double tauZ;
    private readonly double tauR;
    private readonly double[] phi;
    private readonly double[] sigmaZ;
    private readonly double[] sigmaR;
    private readonly double[] gatedOutput;
    private readonly double[] u;
    private readonly double[] gateFields;
    private readonly StateMemo memo;
    private readonly double[] rField;

    /// <summary>A gated network on given couplings (each N×N row-major, copied).</summary>
    internal GatedNetwork(
        int n, IReadOnlyDictionary<string, double> parameters,
        ReadOnlySpan<double> jH, ReadOnlySpan<double> jZ, ReadOnlySpan<double> jR, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.kernels = kernels;
        var size = n * n;
        hidden = jH[..size].ToArray();
        gates = new double[2 * size];
        jZ[..size].CopyTo(gates);
        jR[..size].CopyTo(gates.AsSpan(size));
        gH = parameters["gH"];
        betaH = parameters["betaH"];
        alphaZ = parameters["alphaZ"];
        bZ = parameters["bZ"];
        alphaR = parameters["alphaR"];
        bR = parameters["bR"];
        tauZ = parameters["tauZ"];
        // τ_r = 0 is the adiabatic reset gate: σ_r reads J^r φ(h) at every instant, and the r slot of the state becomes a
        // unit-time-constant follower of that field that nothing reads (see the class remarks).
        Adiabatic = parameters["tauR"] == 0;
        tauR = Adiabatic ? 1.0 : parameters["tauR"];
        rField = new double[n];
        phi = new double[n];
        sigmaZ = new double[n];
        sigmaR = new double[n];
        gatedOutput = new double[n];
        u = new double[n];
        gateFields = new double[2 * n];
        memo = new StateMemo(3 * n);
        phiSlope = new double[n];
        hColumnGain = new double[n];
        rColumnGain = new double[n];
        zDiagonal = new double[n];
        hGemmGain = new double[n];
        hHold = new double[n];
        hCross = new double[n];
        StepMap = FlowIntegrator.StepMapOf(this);
    }

    public ModelFamily Family => ModelFamily.Gated;

    public int Units { get; }

    public int Dimension => 3 * Units;

    public TimeKind Time => TimeKind.Continuous;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public bool IsAutonomous => true;

    public IDiscreteMap StepMap { get; }

    /// <summary>
    /// Whether τ_r = 0: the adiabatic (instantaneous) reset gate σ_r(J^r φ(h)) of the τ_r → 0 limit (§A.2 "exact
    /// reductions"), the assumption of the Gaussian DMFT (§B.3).
    /// </summary>
    public bool Adiabatic { get; }

    /// <summary>J^h (N×N row-major).</summary>
    public ReadOnlySpan<double> HiddenCoupling => hidden;

    /// <summary>J^z (N×N row-major).</summary>
    public ReadOnlySpan<double> UpdateCoupling => gates.AsSpan(0, Units * Units);

    /// <summary>J^r (N×N row-major).</summary>
    public ReadOnlySpan<double> OutputCoupling => gates.AsSpan(Units * Units, Units * Units);

    /// <summary>J^h, J^z, J^r ~ N(0, 1/N) from Network.Fork(0, 1, 2).</summary>
    internal static GatedNetwork Draw(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        var jH = new double[n * n];
        var jZ = new double[n * n];
        var jR = new double[n * n];
        WeightDraws.Gaussian(streams.Network, 0, n, 1.0, jH);
        WeightDraws.Gaussian(streams.Network, 1, n, 1.0, jZ);
        WeightDraws.Gaussian(streams.Network, 2, n, 1.0, jR);
        return new GatedNetwork(n, parameters, jH, jZ, jR, kernels);
    }

    /// <summary>
    /// The unit statistics at a state (h, z, r) (each output length N): φ(h), σ_z(z), σ_r(r) and
    /// u = −h + J^h (σ_r ⊙ φ) = (dh/dt)/σ_z. Derivatives follow from the parameters: φ' = g_h (1 − φ²),
    /// σ_z' = α_z σ_z (1 − σ_z), σ_r' = α_r σ_r (1 − σ_r).
    /// </summary>
    public void Gates(ReadOnlySpan<double> state, Span<double> phi, Span<double> sigmaZ, Span<double> sigmaR, Span<double> u)
    {
        Guard.State(state, Dimension, nameof(state));
        Statistics(state);
        this.phi.CopyTo(phi);
        this.sigmaZ.CopyTo(sigmaZ);
        this.sigmaR.CopyTo(sigmaR);
        this.u.CopyTo(u);
    }

    /// <summary>
    /// h_i ~ N(0, scale²), then z = J^z φ(h) and r = J^r φ(h): the gates start on their slow manifold (their own
    /// fixed point given h), so no fast gate transient precedes the dynamics of h.
    /// </summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        var n = Units;
        random.FillGaussian(state[..n], scale);

        // φ(h) goes to scratch, not to the memoised statistics of another state.
        var activity = gateFields.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            activity[i] = Math.Tanh(gH * state[i] + betaH);
        }

        kernels.Gemv(false, 2 * n, n, 1.0, gates, n, activity, 0.0, state[n..]);
    }

    /// <summary>result ← (σ_z ⊙ u, (J^z φ − z)/τ_z, (J^r φ − r)/τ_r); result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        var n = Units;
        Statistics(x);
        kernels.Gemv(false, 2 * n, n, 1.0, gates, n, phi, 0.0, gateFields);
        for (var i = 0; i < n; i++)
        {
            result[i] = sigmaZ[i] * u[i];
            result[n + i] = (gateFields[i] - x[n + i]) / tauZ;
            result[2 * n + i] = (gateFields[n + i] - x[2 * n + i]) / tauR;
        }
    }

    /// <summary>
    /// φ(h), σ_z(z), σ_r(r), σ_r ⊙ φ and u = −h + J^h (σ_r ⊙ φ) at x (one GEMV), computed once per state: the tangent
    /// map and the state step at the same x share them.
    /// </summary>
    private void Statistics(ReadOnlySpan<double> x)
    {
        if (memo.Holds(0, x))
        {
            return;
        }

        var n = Units;
        for (var i = 0; i < n; i++)
        {
            phi[i] = Math.Tanh(gH * x[i] + betaH);
        }

        // The reset gate reads the r slot, or (adiabatic) the field J^r φ(h) itself.
        if (Adiabatic)
        {
            kernels.Gemv(false, n, n, 1.0, OutputCoupling, n, phi, 0.0, rField);
        }

        var r = Adiabatic ? rField : x.Slice(2 * n, n);
        for (var i = 0; i < n; i++)
        {
            sigmaZ[i] = Activation.Sigmoid(alphaZ * x[n + i] + bZ);
            sigmaR[i] = Activation.Sigmoid(alphaR * r[i] + bR);
            gatedOutput[i] = sigmaR[i] * phi[i];
        }

        kernels.Gemv(false, n, n, 1.0, hidden, n, gatedOutput, 0.0, u);
        for (var i = 0; i < n; i++)
        {
            u[i] -= x[i];
        }

        memo.Record(0, x);
    }
}
