using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The continuous-time rate network of Sompolinsky–Crisanti–Sommers (§A.1): dh/dt = −h + J tanh(h), J_ij ~ N(0, g²/N),
/// state h ∈ R^N, time in units of τ_h = 1.
/// </summary>
/// <remarks>
/// J is drawn from Network.Fork(0), row-major. Jacobian of the vector field: −I + J [φ'(h)].
/// <see cref="StepMap"/> is the Euler or RK4 map with step dt (parameters <c>integrator</c>, <c>dt</c>), whose
/// tangent map is its exact derivative. Not thread-safe.
/// </remarks>
public sealed class RateNetwork : IRecurrentNetwork
{
    private readonly double[] coupling;
    private readonly IDenseKernels kernels;
    private readonly double[] phi;
    private readonly double[] field;
    private readonly Scratch scaled = new();

    /// <summary>A rate network on a given coupling matrix J (N×N row-major, copied); g is recorded, not applied.</summary>
    internal RateNetwork(int n, IReadOnlyDictionary<string, double> parameters, ReadOnlySpan<double> coupling, IDenseKernels kernels)
    {
        Units = n;
        Parameters = parameters;
        this.coupling = coupling[..(n * n)].ToArray();
        this.kernels = kernels;
        phi = new double[n];
        field = new double[n];
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
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = Math.Tanh(x[i]);
        }

        kernels.Gemv(false, Units, Units, 1.0, coupling, Units, phi, 0.0, field);
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

    /// <summary>result ← J ([φ'] V) − V: one GEMM; result must not overlap x or basis.</summary>
    public void JacobianTimes(long t, ReadOnlySpan<double> x, ReadOnlySpan<double> basis, int columns, Span<double> result)
    {
        Guard.Tangent(x, Dimension, basis.Length, columns, result.Length);
        Slopes(x);
        var length = Units * columns;
        var s = scaled.Get(length);
        RowOps.Scale(phi, basis, columns, s);
        kernels.Gemm(false, false, Units, columns, Units, 1.0, coupling, Units, s, columns, 0.0, result, columns);
        TensorPrimitives.Subtract(result[..length], basis[..length], result[..length]);
    }

    /// <summary>phi ← φ'(h) = 1 − tanh²(h).</summary>
    private void Slopes(ReadOnlySpan<double> x)
    {
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = Activation.TanhSlope(1.0, Math.Tanh(x[i]));
        }
    }
}
