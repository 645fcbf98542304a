using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Finds the fixed points of a network (or of any small autonomous system) by damped Newton from many starts,
/// merges duplicates and classifies each point by the eigenvalues of its Jacobian (§B.6, §C).
/// </summary>
/// <remarks>
/// <para>
/// Flows (rate, gated): fixed points are zeros of the vector field f, classified by Re λ of ∂f/∂x. Maps (vanilla,
/// minimal, GRU, LSTM): zeros of F(x) − x, classified by |λ| of ∂F/∂x, in the full state (LSTM: 2N; gated: 3N, whose
/// spectrum at a fixed point holds N eigenvalues −1/τ_z and N eigenvalues −1/τ_r). By §A.2–A.3 the fixed points do
/// not depend on the z-gate (α_z, b_z, τ_z; GRU g_z, b_z), only their stability does; so for these two families
/// Newton solves the z-free equation on h alone (§C: G = h̃(h) − h for the GRU; G = −h + J^h(σ_r(J^r φ) ⊙ φ) for the
/// gated RNN, lifted by z = J^z φ, r = J^r φ). The Newton iteration, and hence the set found, is then literally the
/// same for every z-gate, and a gated start costs an N×N LU instead of 3N×3N. Likewise the autonomous minimalRNN's
/// gate is divided out (F(h) − h = −(1 − u) ⊙ h, so the origin is its only fixed point). This also removes false roots:
/// where a holding gate saturates (σ rounds to 0 or 1) the floating-point map holds any state exactly.
/// </para>
/// <para>
/// Cost per start: up to <see cref="FixedPointOptions.MaxNewtonIterations"/> × (a dense Jacobian and an LU of
/// dim³/3 multiply–adds); fallbacks add a dim³ Gram product. Work is sequential; the sweep parallelises over networks.
/// Cancellation is observed before every start and every Newton iteration. Results are deterministic: start k reads
/// only <c>startStream.Fork(k)</c>.
/// </para>
/// </remarks>
public static partial class FixedPointFinder
{
    /// <summary>Searches a network; non-autonomous networks (inputs or untied weights) are not applicable.</summary>
    /// <param name="network">The network; its <see cref="IRecurrentNetwork.InitialState"/> draws the starts and its
    /// <see cref="IRecurrentNetwork.StepMap"/> runs the trajectory starts.</param>
    /// <param name="startStream">The stream of the starts (role <see cref="StreamRole.FixedPointStarts"/>); not advanced.</param>
    /// <param name="options">Search settings (<see cref="FixedPointOptions.Default"/>).</param>
    /// <param name="kernels">Dense kernels for the LU solves and eigenvalues.</param>
    /// <param name="cancellationToken">Stops the search; the report is then <see cref="AnalysisStatus.Cancelled"/>.</param>
    public static FixedPointReport Find(
        IRecurrentNetwork network, RandomStream startStream, FixedPointOptions options, IDenseKernels kernels,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.IsAutonomous)
        {
            return FixedPointReport.Empty(
                AnalysisOutcome.NotApplicable(
                    $"the {ModelCatalog.NameOf(network.Family)} network is driven by inputs or untied weights (not autonomous), so it has no fixed points"),
                network.Time,
                options);
        }

        return Search(network, network.InitialState, network.StepMap, startStream, options, kernels, cancellationToken);
    }

    /// <summary>
    /// Searches any autonomous system (evaluated at t = 0), e.g. small systems with known fixed points.
    /// </summary>
    /// <param name="system">The map or flow.</param>
    /// <param name="startGenerator">Draws a random start; null: every coordinate i.i.d. N(0, scale²).</param>
    /// <param name="trajectoryMap">The map that runs the trajectory starts; null: the system itself when it is a map,
    /// and no trajectory starts for a flow (all starts random).</param>
    /// <param name="startStream">The stream of the starts; not advanced.</param>
    /// <param name="options">Search settings.</param>
    /// <param name="kernels">Dense kernels for the LU solves and eigenvalues.</param>
    /// <param name="cancellationToken">Stops the search; the report is then <see cref="AnalysisStatus.Cancelled"/>.</param>
    public static FixedPointReport Find(
        IDynamicalSystem system, FixedPointStartGenerator? startGenerator, IDynamicalSystem? trajectoryMap,
        RandomStream startStream, FixedPointOptions options, IDenseKernels kernels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (trajectoryMap is not null && (trajectoryMap.Time != TimeKind.Discrete || trajectoryMap.Dimension != system.Dimension))
        {
            throw new ArgumentException("The trajectory map must be a discrete map on the system's state space.", nameof(trajectoryMap));
        }

        trajectoryMap ??= system.Time == TimeKind.Discrete ? system : null;
        return Search(
            system, startGenerator ?? GaussianStart, trajectoryMap, startStream, options, kernels, cancellationToken);
    }

    private static void GaussianStart(RandomStream random, double scale, Span<double> state) =>
        random.FillGaussian(state, scale);

    private static FixedPointReport Search(
        IDynamicalSystem system, FixedPointStartGenerator startGenerator, IDynamicalSystem? trajectoryMap,
        RandomStream startStream, FixedPointOptions options, IDenseKernels kernels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startStream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(kernels);
        options.Validate();

        var n = system.Dimension;
        var problem = FixedPointProblems.For(system, kernels);
        var solver = new DampedNewton(problem, kernels, options);
        var points = new DistinctPointSet(n, options.DuplicateTolerance);
        var tally = new StartTally();
        var x = new double[n];
        var next = new double[n];
        var y = new double[problem.Dimension];
        for (var k = 0; k < options.Starts; k++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Cancelled(system, options, points, tally);
            }

            var isTrajectoryStart = trajectoryMap is not null && IsTrajectoryStart(k, options.TrajectoryStartFraction);
            startGenerator(startStream.Fork((ulong)k), ScaleOf(k, options), x);
            if (isTrajectoryStart && !RunTransient(trajectoryMap!, x, next, options.TransientSteps, cancellationToken))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return Cancelled(system, options, points, tally);
                }

                tally.Failed++;
                continue;
            }

            problem.Project(x, y);
            var result = solver.Solve(y, cancellationToken);
            switch (result.Kind)
            {
                case StartResultKind.Cancelled:
                    return Cancelled(system, options, points, tally);
                case StartResultKind.Converged:
                    tally.Converged++;
                    problem.Lift(y, x);
                    points.Add(x, result.Residual, result.PositionError);
                    break;
                case StartResultKind.SlowPoint:
                    tally.SlowPoints++;
                    break;
                default:
                    tally.Failed++;
                    break;
            }
        }

        return BuildReport(system, options, kernels, points, tally);
    }

    /// <summary>Start k is a trajectory start when ⌊(k+1)f⌋ &gt; ⌊kf⌋: evenly interleaved, a share f of every prefix.</summary>
    internal static bool IsTrajectoryStart(int k, double fraction) =>
        Math.Floor((k + 1) * fraction) > Math.Floor(k * fraction);

    /// <summary>Scales cycle separately within trajectory and random starts, so both kinds see every scale.</summary>
    internal static double ScaleOf(int k, FixedPointOptions options)
    {
        var trajectoryStartsSoFar = (int)Math.Floor((k + 1) * options.TrajectoryStartFraction);
        var indexWithinKind = IsTrajectoryStart(k, options.TrajectoryStartFraction)
            ? trajectoryStartsSoFar - 1
            : k - trajectoryStartsSoFar;
        return options.StartScales[indexWithinKind % options.StartScales.Count];
    }

    /// <summary>Iterates the step map from <paramref name="x"/>; false when the trajectory blew up or was cancelled.</summary>
    private static bool RunTransient(IDynamicalSystem map, double[] x, double[] next, int steps, CancellationToken cancellationToken)
    {
        for (var t = 0; t < steps; t++)
        {
            if ((t & 63) == 0 && cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            map.Evaluate(t, x, next);
            next.CopyTo(x, 0);
        }

        return x.All(double.IsFinite);
    }

    private sealed class StartTally
    {
        public int Converged { get; set; }

        public int SlowPoints { get; set; }

        public int Failed { get; set; }

        public int Used => Converged + SlowPoints + Failed;
    }
}
