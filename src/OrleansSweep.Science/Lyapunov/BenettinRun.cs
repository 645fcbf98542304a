using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Lyapunov;

/// <summary>
/// The state of one QR (Benettin) run: the trajectory, its tangent basis, the twin trajectory and the accumulators.
/// All buffers are allocated once here; the per-step methods only swap array references.
/// </summary>
internal sealed partial class BenettinRun
{
    /// <summary>log of a zero R_ii or twin distance is floored here (≈ log of the smallest subnormal) to keep sums finite.</summary>
    internal const double LogFloor = -745.0;

    private readonly IDiscreteMap map;
    private readonly IDynamicalSystem? vectorField;
    private readonly IHasJacobianTrace? vectorFieldTrace;
    private readonly LyapunovOptions options;
    private readonly double[] rDiagonal;
    private readonly CholeskyQr? orthonormaliser;
    private readonly IHasRowBasisTangent? rowBasisTangent;
    private readonly double[]? jacobian;
    private double[] x;
    private double[] xNext;
    private double[] q;
    private double[] w;
    private double[] twin;
    private double[] twinNext;

    public BenettinRun(
        IDiscreteMap map, IDynamicalSystem? vectorField, ReadOnlySpan<double> initialState, LyapunovOptions options,
        IDenseKernels kernels)
    {
        this.map = map;
        this.options = options;
        Dimension = map.Dimension;
        K = Math.Min(options.Exponents, Dimension);
        StepsPerRound = Math.Max(1, (int)Math.Round(options.OrthonormalizationInterval / map.TimeStep));
        x = initialState[..Dimension].ToArray();
        xNext = new double[Dimension];
        q = new double[Dimension * K];
        w = new double[Dimension * K];
        rDiagonal = new double[K];

        // A map that can propagate a basis of one vector per row gets one (faster GEMM and QR for the rate network);
        // a single vector is the same in both layouts and keeps the GEMV path.
        rowBasisTangent = K > 1 && map is IHasRowBasisTangent { SupportsRowBasisTangent: true } rows ? rows : null;
        Layout = rowBasisTangent is null ? BasisLayout.Columns : BasisLayout.Rows;
        orthonormaliser = K > 1 ? new CholeskyQr(kernels, Dimension, K, Layout) : null;
        twin = options.Twin ? new double[Dimension] : [];
        twinNext = options.Twin ? new double[Dimension] : [];
        LogSums = new double[K];
        WindowLogs = new double[options.Windows];
        TwinWindowLogs = new double[options.Windows];
        MeanSquare = new double[Dimension];
        if (K == Dimension)
        {
            // Σλ is checked against a volume rate: the flow's trace when the caller supplies the vector field of a
            // continuous system (an independent quantity), otherwise log|det| of the map, which the QR of the full
            // tangent basis already yields (see Round).
            this.vectorField = vectorField is { Time: TimeKind.Continuous } ? vectorField : null;
            VolumeSource = this.vectorField is null ? VolumeRateSource.MapLogDeterminant : VolumeRateSource.VectorFieldTrace;
            vectorFieldTrace = this.vectorField as IHasJacobianTrace;

            // Only a vector field that cannot give its trace directly needs a dense Jacobian per averaged step.
            jacobian = this.vectorField is not null && vectorFieldTrace is null ? new double[Dimension * Dimension] : null;
        }
    }

    public int Dimension { get; }

    public int K { get; }

    public int StepsPerRound { get; }

    /// <summary>How the tangent basis is stored: Dimension×k (one vector per column) or k×Dimension (one per row).</summary>
    public BasisLayout Layout { get; }

    /// <summary>The step index of the current state (steps taken so far).</summary>
    public long Step { get; private set; }

    public double DivergenceTime { get; private set; } = double.NaN;

    public double[] LogSums { get; }

    public double[] WindowLogs { get; }

    public double[] TwinWindowLogs { get; }

    public double[] MeanSquare { get; }

    public long AveragedSteps { get; private set; }

    public VolumeRateSource VolumeSource { get; } = VolumeRateSource.None;

    public double VolumeSum { get; private set; }

    public ReadOnlySpan<double> State => x;

    /// <summary>Random Gaussian columns, orthonormalised (the initial tangent basis).</summary>
    public void InitialiseBasis(RandomStream basisStream)
    {
        // Drawn in the column layout either way, so that both layouts start from the same basis.
        if (Layout == BasisLayout.Rows)
        {
            basisStream.FillGaussian(w);
            Transposition.Run(w, Dimension, K, K, q, Dimension);
        }
        else
        {
            basisStream.FillGaussian(q);
        }

        Orthonormalise();
    }

    /// <summary>twin ← x + δ·u with u a random unit direction.</summary>
    public void InitialiseTwin(RandomStream twinStream)
    {
        if (!options.Twin)
        {
            return;
        }

        twinStream.FillGaussian(twin);
        var norm = Math.Sqrt(SumOfSquares(twin));
        var scale = options.TwinPerturbation / norm;
        for (var i = 0; i < Dimension; i++)
        {
            twin[i] = x[i] + scale * twin[i];
        }
    }

    /// <summary>Component i of the first tangent vector, in either layout.</summary>
    private double FirstTangentComponent(int i) => Layout == BasisLayout.Rows ? q[i] : q[i * K];

    private static double SumOfSquares(ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        foreach (var value in v)
        {
            sum += value * value;
        }

        return sum;
    }

    private static double SafeLog(double value) => value > 0 ? Math.Max(Math.Log(value), LogFloor) : LogFloor;

    /// <summary>
    /// Whether every |v_i| ≤ the divergence threshold. MaxMagnitude returns the signed component of largest modulus, or
    /// NaN when there is one, and NaN ≤ t is false, so NaN fails the test.
    /// </summary>
    private bool IsBounded(ReadOnlySpan<double> v) => v.IsEmpty || Math.Abs(TensorPrimitives.MaxMagnitude(v)) <= options.DivergenceThreshold;
}
