using System.Numerics.Tensors;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Solves G(y) = 0 from one start by damped Newton on q(y) = ½|G|², with Levenberg–Marquardt and steepest-descent
/// fallbacks (§C: Newton–Raphson from random starts).
/// </summary>
/// <remarks>
/// <para>
/// Each iteration: the Newton step Δ = −J_G⁻¹G (LU of a copy of J_G through <see cref="IDenseKernels.LuSolve"/>) with
/// a short backtracking (Armijo) line search on q; ∇q·Δ = −|G|², so Δ descends whenever the solve is accurate. When the
/// solve fails (singular J_G) or the line search does, a Levenberg–Marquardt step (J_GᵀJ_G + μI)Δ = −J_GᵀG with μ
/// raised tenfold up to four times, then a Cauchy steepest-descent step along −J_GᵀG.
/// </para>
/// <para>
/// Acceptance: a start converges when the rms residual is below the residual tolerance <b>and</b> the rms Newton step
/// (the distance-to-root estimate) is below the step tolerance; one more Newton step is then taken. A small residual
/// alone is not enough: where G is tiny without a root nearby (a saturated gate that holds any state, a ghost of a
/// saddle-node) the Newton step stays large. Such starts, starts that reach a local minimum of q with relative
/// gradient |J_GᵀG|/(max(‖J_G‖_F, 1)|G|) below the slow-point tolerance, and starts that stall (q falls by less
/// than 10⁻⁴ of itself over ten iterations, as damped steps creep towards a minimum of q with q &gt; 0) are slow
/// points. The one exception is a residual below tolerance where J_G is singular to working precision, so that no
/// Newton step exists: a degenerate root reached to rounding level (at the origin of h ↦ tanh h, J_G = −tanh²h rounds
/// to 0 once |h| &lt; 1e-8), accepted with PositionError NaN. False roots of that kind from a closed update gate are
/// avoided for the GRU and the gated RNN by their z-free equations.
/// </para>
/// <para>
/// Degenerate roots (e.g. the origin of h ↦ tanh(h), where J_G = 0): Newton converges only linearly, with a constant
/// ratio ρ = (m−1)/m between successive steps for a root of multiplicity m. When three successive full steps are
/// parallel with a steady ratio, the extrapolated step Δ/(1−ρ) (the sum of the geometric series, exact for a
/// multiplicity-m root) is tried and kept if it lowers q, so the step tolerance is reached within the budget.
/// </para>
/// <para>Scratch is preallocated (O(m²)); one instance per search, not thread-safe.</para>
/// </remarks>
internal sealed partial class DampedNewton
{
    private const double Armijo = 1e-4;
    private const int StallWindow = 10;
    private const double StallDecrease = 1e-4;

    private readonly IFixedPointProblem problem;
    private readonly IDenseKernels kernels;
    private readonly FixedPointOptions options;
    private readonly int n;
    private readonly double maxStepNorm;
    private readonly double[] residual;
    private readonly double[] trial;
    private readonly double[] trialResidual;
    private readonly double[] jacobian;
    private readonly double[] factors;
    private readonly double[] step;
    private readonly double[] gradient;
    private readonly double[] work;
    private readonly double[] previousStep;
    private readonly double[] recentQ = new double[StallWindow];
    private double[]? normal;

    public DampedNewton(IFixedPointProblem problem, IDenseKernels kernels, FixedPointOptions options)
    {
        this.problem = problem;
        this.kernels = kernels;
        this.options = options;
        n = problem.Dimension;
        maxStepNorm = options.MaxStepRms * Math.Sqrt(n);
        residual = new double[n];
        trial = new double[n];
        trialResidual = new double[n];
        jacobian = new double[n * n];
        factors = new double[n * n];
        step = new double[n];
        gradient = new double[n];
        work = new double[n];
        previousStep = new double[n];
    }

    /// <summary>Iterates from <paramref name="y"/> (overwritten by the final iterate) and says how the start ended.</summary>
    public StartResult Solve(double[] y, CancellationToken cancellationToken)
    {
        ResetHistory();
        damping = 0.0;
        var q = Residual(y, residual);
        Array.Fill(recentQ, double.PositiveInfinity);
        var positionError = double.NaN;
        for (var iteration = 0; iteration < options.MaxNewtonIterations; iteration++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new(StartResultKind.Cancelled, Rms(q), positionError, iteration);
            }

            if (!double.IsFinite(q) || TensorPrimitives.Norm<double>(y) > options.DivergenceBound * Math.Sqrt(n))
            {
                return new(StartResultKind.Failed, Rms(q), positionError, iteration);
            }

            var residualRms = Rms(q);
            if (Stalled(iteration, q))
            {
                return new(StartResultKind.SlowPoint, residualRms, positionError, iteration);
            }

            problem.Jacobian(y, jacobian);
            if (SolveNewtonStep())
            {
                positionError = TensorPrimitives.Norm<double>(step) / Math.Sqrt(n);
                if (residualRms < options.ResidualTolerance && positionError < options.StepTolerance)
                {
                    TakeFinalStep(y, ref q);
                    return new(StartResultKind.Converged, Rms(q), positionError, iteration + 1);
                }

                if (TryNewtonStep(y, ref q))
                {
                    continue;
                }
            }
            else
            {
                ResetHistory();
                positionError = double.NaN;
                if (residualRms < options.ResidualTolerance)
                {
                    return new(StartResultKind.Converged, residualRms, positionError, iteration + 1);
                }
            }

            kernels.Gemv(true, n, n, 1.0, jacobian, n, residual, 0.0, gradient);
            if (RelativeGradient(q) < options.SlowPointTolerance)
            {
                return new(StartResultKind.SlowPoint, residualRms, positionError, iteration + 1);
            }

            if (TryLevenbergMarquardt(y, ref q) || TryGradientStep(y, ref q))
            {
                continue;
            }

            // Nothing lowers q: below the residual tolerance this is a near-zero of G with no root close by.
            var kind = residualRms < options.ResidualTolerance ? StartResultKind.SlowPoint : StartResultKind.Failed;
            return new(kind, residualRms, positionError, iteration + 1);
        }

        return Finish(y, q);
    }

    /// <summary>Out of iterations: converged if the last iterate passes the test, else a slow point or a failure.</summary>
    private StartResult Finish(double[] y, double q)
    {
        var iterations = options.MaxNewtonIterations;
        if (!double.IsFinite(q))
        {
            return new(StartResultKind.Failed, Rms(q), double.NaN, iterations);
        }

        problem.Jacobian(y, jacobian);
        var solved = SolveNewtonStep();
        var positionError = solved ? TensorPrimitives.Norm<double>(step) / Math.Sqrt(n) : double.NaN;
        if (Rms(q) < options.ResidualTolerance && (positionError < options.StepTolerance || !solved))
        {
            return new(StartResultKind.Converged, Rms(q), positionError, iterations);
        }

        kernels.Gemv(true, n, n, 1.0, jacobian, n, residual, 0.0, gradient);
        var slow = Rms(q) < options.ResidualTolerance || RelativeGradient(q) < options.SlowPointTolerance;
        return new(slow ? StartResultKind.SlowPoint : StartResultKind.Failed, Rms(q), positionError, iterations);
    }

    /// <summary><paramref name="destination"/> = G(y); returns q = ½|G|² (NaN or ∞ when not finite).</summary>
    private double Residual(ReadOnlySpan<double> y, Span<double> destination)
    {
        problem.Residual(y, destination);
        return 0.5 * TensorPrimitives.SumOfSquares<double>(destination);
    }

    /// <summary><see cref="step"/> = −J_G⁻¹ G on a copy of the Jacobian; false when singular or not finite.</summary>
    private bool SolveNewtonStep()
    {
        jacobian.CopyTo(factors, 0);
        TensorPrimitives.Negate<double>(residual, step);
        return kernels.LuSolve(factors, n, step, 1) && double.IsFinite(TensorPrimitives.SumOfSquares<double>(step));
    }

    /// <summary>
    /// |∇q| / (max(‖J_G‖_F, 1)·|G|), 0 at an exactly stationary point. Relative, so one tolerance fits every model; the
    /// floor 1 (the size of the −I part of every model's J_G) keeps it meaningful in one dimension, where a local
    /// minimum of q with G ≠ 0 needs J_G → 0 and the unfloored ratio would stay 1.
    /// </summary>
    private double RelativeGradient(double q)
    {
        var jacobianNorm = Math.Max(1.0, Math.Sqrt(TensorPrimitives.SumOfSquares<double>(jacobian)));
        var denominator = jacobianNorm * Math.Sqrt(2.0 * q);
        var numerator = TensorPrimitives.Norm<double>(gradient);
        return denominator > 0.0 ? numerator / denominator : 0.0;
    }

    private double Rms(double q) => Math.Sqrt(2.0 * q / n);

    /// <summary>
    /// Whether the iteration has stopped making progress: q fell by less than a share <see cref="StallDecrease"/> over
    /// the last <see cref="StallWindow"/> iterations (q never rises, so the first window cannot stall). That is a local
    /// minimum of q in all but name: damped steps converge only linearly to one with q &gt; 0 and would spend the whole
    /// budget there. A converging start is far from stalling (even a triple root shrinks q by ~10 per step).
    /// </summary>
    private bool Stalled(int iteration, double q)
    {
        var slot = iteration % StallWindow;
        var before = recentQ[slot];
        recentQ[slot] = q;
        return q >= (1.0 - StallDecrease) * before;
    }
}
