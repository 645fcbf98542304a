using BenchmarkDotNet.Attributes;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Benchmarks.HotLoop;

/// <summary>
/// One time step of the Lyapunov loop of the rate network (N = 256, k = 256, Euler dt = 0.1), taken apart: the
/// tangent step as the science runs it, the same step fused into one GEMM, the bare GEMM (the floor), the state step,
/// the per-step volume-trace check, and the QR of one re-orthonormalisation round (every 10 steps), Householder and
/// Cholesky QR.
/// </summary>
/// <remarks>
/// Fused reference: for Euler, V' = V + dt(J[φ']V − V) = (1 − dt)·V + dt·J·([φ']V), i.e. copy V, scale its rows,
/// and one GEMM with α = dt, β = 1 − dt: one pass less over the N×k basis than scale + GEMM + subtract + axpy.
/// </remarks>
public class RateTangentStepBenchmarks
{
    private const double Dt = 0.1;
    private IDenseKernels kernels = DenseKernels.Managed;
    private IRecurrentNetwork network = null!;
    private double[] coupling = [];
    private double[] x = [];
    private double[] xNext = [];
    private double[] q = [];
    private double[] w = [];
    private double[] scaled = [];
    private double[] slopes = [];
    private double[] jacobian = [];
    private double[] r = [];
    private double[] diagonal = [];
    private double[] roundEnd = [];
    private CholeskyQr choleskyQr = null!;
    private CholeskyQr rowCholeskyQr = null!;
    private double[] roundEndRows = [];

    [ParamsSource(nameof(KernelNames))]
    public string Kernels { get; set; } = KernelSource.OpenBlasName;

    [Params(256)]
    public int N { get; set; }

    [Params(256)]
    public int K { get; set; }

    public static IEnumerable<string> KernelNames() => KernelSource.Names();

    [GlobalSetup]
    public void Setup()
    {
        kernels = KernelSource.Resolve(Kernels);
        network = Networks.Rate(N, 2.0, Dt, kernels);
        coupling = ((RateNetwork)network).Coupling.ToArray();
        x = new double[N];
        network.InitialState(new RandomStream(9), 1.0, x);
        xNext = new double[N];
        q = TestMatrices.Gaussian(10, N, K);
        w = new double[N * K];
        scaled = new double[N * K];
        slopes = new double[N];
        jacobian = new double[N * N];
        r = new double[K * K];
        diagonal = new double[K];
        choleskyQr = new CholeskyQr(kernels, N, K);
        roundEnd = BasisAfterOneRound();
        rowCholeskyQr = new CholeskyQr(kernels, N, K, BasisLayout.Rows);
        roundEndRows = new double[N * K];
        Transposition.Run(roundEnd, N, K, K, roundEndRows, N);
    }

    [Benchmark(Baseline = true)]
    [Flops(FlopKind.Gemm)]
    public void BareGemm() => kernels.Gemm(false, false, N, K, N, 1.0, coupling, N, q, K, 0.0, w, K);

    [Benchmark]
    [Flops(FlopKind.Gemm)]
    public void TangentStep() => network.StepMap.JacobianTimes(0, x, q, K, w);

    /// <summary>What the Lyapunov loop runs for this network: the same step on the basis stored one vector per row.</summary>
    [Benchmark]
    [Flops(FlopKind.Gemm)]
    public void RowBasisTangentStep() => ((IHasRowBasisTangent)network.StepMap).RowBasisJacobianTimes(0, x, q, K, w);

    [Benchmark]
    [Flops(FlopKind.Gemm)]
    public void FusedTangentStep()
    {
        for (var i = 0; i < N; i++)
        {
            var t = Math.Tanh(x[i]);
            slopes[i] = 1.0 - (t * t);
        }

        q.CopyTo(w, 0);
        for (var i = 0; i < N; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(q.AsSpan(i * K, K), slopes[i], scaled.AsSpan(i * K, K));
        }

        kernels.Gemm(false, false, N, K, N, Dt, coupling, N, scaled, K, 1.0 - Dt, w, K);
    }

    [Benchmark]
    public void StateStep() => network.StepMap.Evaluate(0, x, xNext);

    /// <summary>What BenettinRun.AccumulateStateStatistics does every averaged step when k = dimension.</summary>
    [Benchmark]
    public double VolumeTraceDense()
    {
        network.Jacobian(0, x, jacobian);
        var trace = 0.0;
        for (var i = 0; i < N; i++)
        {
            trace += jacobian[(i * N) + i];
        }

        return trace;
    }

    /// <summary>The same trace in O(N): tr(−I + J[φ']) = Σ (J_ii φ'_i − 1).</summary>
    [Benchmark]
    public double VolumeTraceDiagonal()
    {
        var trace = 0.0;
        for (var i = 0; i < N; i++)
        {
            var t = Math.Tanh(x[i]);
            trace += (coupling[(i * N) + i] * (1.0 - (t * t))) - 1.0;
        }

        return trace;
    }

    /// <summary>Householder QR with Q formed (dgeqrf + dorgqr): what the loop ran before Cholesky QR.</summary>
    [Benchmark]
    public void QrRound()
    {
        roundEnd.CopyTo(w, 0);
        kernels.QrThin(w, N, K, r);
    }

    /// <summary>What the loop runs every round now: Cholesky QR with its orthogonality estimate (one pass here).</summary>
    [Benchmark]
    public OrthonormalisationPath CholeskyQrRound()
    {
        roundEnd.CopyTo(w, 0);
        return choleskyQr.Orthonormalise(w, diagonal);
    }

    /// <summary>The same on the basis stored one vector per row, as the loop stores it for this network.</summary>
    [Benchmark]
    public OrthonormalisationPath RowBasisCholeskyQrRound()
    {
        roundEndRows.CopyTo(w, 0);
        return rowCholeskyQr.Orthonormalise(w, diagonal);
    }

    /// <summary>
    /// The input the loop's QR really sees: an orthonormal basis carried through one round (t_ONS = 1, 10 tangent steps
    /// along the trajectory), not a Gaussian block (κ ≈ N, which would need the second pass).
    /// </summary>
    private double[] BasisAfterOneRound()
    {
        var basis = (double[])q.Clone();
        kernels.QrThin(basis, N, K, r);
        var state = (double[])x.Clone();
        var next = new double[N];
        var propagated = new double[N * K];
        for (var step = 0; step < 10; step++)
        {
            network.StepMap.JacobianTimes(step, state, basis, K, propagated);
            (basis, propagated) = (propagated, basis);
            network.StepMap.Evaluate(step, state, next);
            (state, next) = (next, state);
        }

        return basis;
    }
}
