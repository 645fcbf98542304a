using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The continuous-time rate network of Sompolinsky–Crisanti–Sommers (§A.1): dh/dt = −h + J tanh(h), J_ij ~ N(0, g²/N),
/// state h ∈ R^N, time in units of τ_h = 1.
/// </summary>
/// <remarks>
/// J is drawn from Network.Fork(0), row-major. Jacobian of the vector field: −I + J [φ'(h)], trace Σ_i (J_ii φ'_i − 1).
/// <see cref="StepMap"/> is the Euler or RK4 map with step dt (parameters <c>integrator</c>, <c>dt</c>), whose
/// tangent map is its exact derivative; the Euler tangent (I + dt·Df)V is one GEMM (<see cref="IHasShiftedTangent"/>).
/// Not thread-safe.
/// </remarks>
public sealed class RateNetwork : IRecurrentNetwork, IHasJacobianTrace, IHasShiftedTangent, IHasRowBasisShiftedTangent
{
    private readonly double[] coupling;
    private readonly IDenseKernels kernels;
    private readonly double[] activity;
    private readonly double[] phi;
    private readonly double[] field;
    private readonly StateMemo memo;
    private readonly Scratch scaled = new();

    /// <summary>A rate network on a given coupling matrix J (N×N row-major, copied); g is recorded, not applied.</summary>
    internal RateNetwork(int n, IReadOnlyDictionary<string, double> parameters, ReadOnlySpan<double> coupling, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.coupling = coupling[..(n * n)].ToArray();
        this.kernels = kernels;
        activity = new double[n];
        phi = new double[n];
        field = new double[n];
        memo = new StateMemo(n);
        StepMap = FlowIntegrator.StepMapOf(this);
    }

    public ModelFamily Family => ModelFamily.Rate;

    public int Units { get; }

    public int Dimension => Units;

    public TimeKind Time => TimeKind.Continuous;

    public IReadOnlyDictionary<string, double> Parameters { get; }

    public bool IsAutonomous => true;

    public IDiscreteMap StepMap { get; }

    /// <summary>The coupling matrix J (N×N row-major).</summary>
    public ReadOnlySpan<double> Coupling => coupling;

    /// <summary>J ~ N(0, g²/N) from Network.Fork(0).</summary>
    internal static RateNetwork Draw(int n, IReadOnlyDictionary<string, double> parameters, NetworkStreams streams, IDenseKernels kernels)
    {
        var j = new double[n * n];
        WeightDraws.Gaussian(streams.Network, 0, n, parameters["g"], j);
        return new RateNetwork(n, parameters, j, kernels);
    }

    /// <summary>h_i ~ N(0, scale²).</summary>
    public void InitialState(RandomStream random, double scale, Span<double> state)
    {
        Guard.State(state, Dimension, nameof(state));
        random.FillGaussian(state, scale);
    }

    /// <summary>result ← −h + J tanh(h); result may be the same span as x.</summary>
    public void Evaluate(long t, ReadOnlySpan<double> x, Span<double> result)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(result.Length, Dimension, nameof(result));
        Activity(x);
        kernels.Gemv(false, Units, Units, 1.0, coupling, Units, activity, 0.0, field);
        for (var i = 0; i < field.Length; i++)
        {
            result[i] = field[i] - x[i];
        }
    }

    /// <summary>jacobian ← −I + J [φ'(h)].</summary>
    public void Jacobian(long t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        Guard.State(x, Dimension, nameof(x));
        Guard.AtLeast(jacobian.Length, Dimension * Dimension, nameof(jacobian));
        Slopes(x);
        var n = Units;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                jacobian[row + j] = coupling[row + j] * phi[j];
            }

            jacobian[row + i] -= 1.0;
        }
    }

    /// <summary>result ← J ([φ'] V) − V: one GEMM accumulating onto −V; result must not overlap x or basis.</summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result) =>
        Tangent(x, basis, columns, 0.0, 1.0, result);

    /// <summary>result ← (I + α·Df(h))·V = (1 − α)·V + α·J([φ']V): one GEMM with β = 1 onto the pre-scaled copy of V.</summary>
    public void ShiftedJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, double alpha, Span<double> result) =>
        Tangent(x, basis, columns, 1.0, alpha, result);

    /// <summary>
    /// result[j, :] ← (1 − α)·V[j, :] + α·J·([φ'] V[j, :]) for a basis of one vector per row: one sweep writes both the
    /// scaled rows and the pre-scaled copy, then one GEMM result += α·S·Jᵀ (GEMV for one row).
    /// </summary>
    public void RowBasisShiftedJacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int rows, double alpha, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, rows, result.Length);
        Slopes(x);
        var n = Units;
        var s = scaled.Get(n * rows);
        for (var j = 0; j < rows; j++)
        {
            var vector = basis.Slice(j * n, n);
            TensorPrimitives.Multiply(vector, phi, s.Slice(j * n, n));
            TensorPrimitives.Multiply(vector, 1.0 - alpha, result.Slice(j * n, n));
        }

        kernels.Gemm(false, true, rows, n, n, alpha, s, n, coupling, n, 1.0, result, n);
    }

    /// <summary>tr(−I + J [φ'(h)]) = Σ_i (J_ii φ'_i − 1) in O(N), the same terms as the diagonal of <see cref="Jacobian"/>.</summary>
    public double JacobianTrace(long t, ReadOnlySpan<double> x)
    {
        Guard.State(x, Dimension, nameof(x));
        Activity(x);
        var n = Units;
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += (coupling[(i * n) + i] * Activation.TanhSlope(1.0, activity[i])) - 1.0;
        }

        return trace;
    }

    /// <summary>
    /// result ← shift·V + α·(J[φ']V − V) = (shift − α)·V + α·J([φ']V): one sweep over V writes both [φ']V and the
    /// pre-scaled C, then a single GEMM (GEMV for one column) accumulates onto it with β = 1.
    /// </summary>
    private void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, double shift, double alpha, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(x);
        var s = scaled.Get(Units * columns);
        RowOps.ScaleAndCopy(phi, basis, columns, s, shift - alpha, result);
        MatrixProducts.Times(kernels, Units, Units, alpha, coupling, s, columns, 1.0, result);
    }

    /// <summary>phi ← φ'(h) = 1 − tanh²(h).</summary>
    private void Slopes(ReadOnlySpan<double> x)
    {
        Activity(x);
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = Activation.TanhSlope(1.0, activity[i]);
        }
    }

    /// <summary>activity ← tanh(h), computed once per state (the tangent and the state step of a Lyapunov step share it).</summary>
    private void Activity(ReadOnlySpan<double> x)
    {
        if (memo.Holds(0, x))
        {
            return;
        }

        for (var i = 0; i < activity.Length; i++)
        {
            activity[i] = Math.Tanh(x[i]);
        }

        memo.Record(0, x);
    }
}
