using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Models;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Science.Lyapunov;

/// <summary>
/// Leading Lyapunov exponents by the QR (Benettin) method, with a twin-trajectory cross-check of λ_max.
/// </summary>
/// <remarks>
/// The k tangent vectors are propagated with <see cref="IDynamicalSystem.JacobianTimes"/> (one fused call per step, the
/// exact derivative of the map actually iterated, science.md §A.2) and re-orthonormalised with
/// <see cref="CholeskyQr"/> (level-3 Cholesky QR, Householder when the basis is ill-conditioned) every round(t_ONS/dt)
/// steps; log R_ii is accumulated. Exponents of the map are
/// divided by <see cref="IDiscreteMap.TimeStep"/>, so for discretised flows they estimate those of the flow up to the
/// integrator's error.
/// <para>
/// Failure modes are outcomes, not exceptions: a state component that becomes non-finite or exceeds
/// <see cref="LyapunovOptions.DivergenceThreshold"/> ⇒ <see cref="AnalysisStatus.Diverged"/> with
/// <see cref="LyapunovResult.DivergenceTime"/>; the token is checked every re-orthonormalisation ⇒
/// <see cref="AnalysisStatus.Cancelled"/>; a standard error of λ_max above tolerance ⇒
/// <see cref="AnalysisStatus.NotConverged"/> (values still usable). Invalid options or shapes throw.
/// Deterministic: the same inputs and kernels give bit-identical results.
/// </para>
/// </remarks>
public static class LyapunovAnalysis
{
    /// <summary>Runs the map from <paramref name="initialState"/> (no volume check against a flow's trace).</summary>
    public static LyapunovResult Run(
        IDiscreteMap map, ReadOnlySpan<double> initialState, RandomStream basisStream, RandomStream twinStream,
        LyapunovOptions options, IDenseKernels kernels, CancellationToken ct) =>
        Run(map, null, initialState, basisStream, twinStream, options, kernels, ct);

    /// <summary>
    /// Runs a network's <see cref="IRecurrentNetwork.StepMap"/> from a random initial state of scale
    /// <see cref="LyapunovOptions.InitialStateScale"/>; for flows, the network's own vector field supplies the trace
    /// that Σλ is checked against when k equals the dimension.
    /// </summary>
    public static LyapunovResult Run(
        IRecurrentNetwork network, RandomStream initialStream, RandomStream basisStream, RandomStream twinStream,
        LyapunovOptions options, IDenseKernels kernels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(initialStream);
        ArgumentNullException.ThrowIfNull(options);
        var initial = new double[network.Dimension];
        network.InitialState(initialStream, options.InitialStateScale, initial);
        return Run(network.StepMap, network, initial, basisStream, twinStream, options, kernels, ct);
    }

    /// <summary>
    /// Runs the map; when <paramref name="vectorField"/> is a continuous system and k equals the dimension, the time
    /// average of its Jacobian trace is reported in <see cref="LyapunovResult.VolumeGrowthRate"/> (otherwise the
    /// map's ⟨log|det J|⟩ / dt is).
    /// </summary>
    public static LyapunovResult Run(
        IDiscreteMap map, IDynamicalSystem? vectorField, ReadOnlySpan<double> initialState, RandomStream basisStream,
        RandomStream twinStream, LyapunovOptions options, IDenseKernels kernels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(basisStream);
        ArgumentNullException.ThrowIfNull(twinStream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(kernels);
        options.Validate();
        if (initialState.Length != map.Dimension)
        {
            throw new ArgumentException($"The initial state has {initialState.Length} components, the map {map.Dimension}.", nameof(initialState));
        }

        if (!double.IsFinite(map.TimeStep) || map.TimeStep <= 0)
        {
            throw new ArgumentException($"The map's time step {map.TimeStep} must be finite and positive.", nameof(map));
        }

        var run = new BenettinRun(map, vectorField, initialState, options, kernels);
        var schedule = Schedule.For(options, map.TimeStep, run.StepsPerRound);
        var progress = Execute(run, schedule, basisStream, twinStream, options, ct);
        return LyapunovSummary.Build(run, schedule, progress, options, map.TimeStep, kernels.Name);
    }

    private static RunProgress Execute(
        BenettinRun run, Schedule schedule, RandomStream basisStream, RandomStream twinStream, LyapunovOptions options,
        CancellationToken ct)
    {
        foreach (var value in run.State)
        {
            if (!(Math.Abs(value) <= options.DivergenceThreshold))
            {
                return RunProgress.Diverged;
            }
        }

        var progress = run.AdvanceState(schedule.StateOnlySteps, ct);
        if (progress != RunProgress.Running)
        {
            return progress;
        }

        run.InitialiseBasis(basisStream);
        run.InitialiseTwin(twinStream);
        for (long round = 0; round < schedule.WarmupRounds && progress == RunProgress.Running; round++)
        {
            progress = run.Round(false, 0, ct);
        }

        for (var window = 0; window < options.Windows && progress == RunProgress.Running; window++)
        {
            for (long round = 0; round < schedule.RoundsPerWindow && progress == RunProgress.Running; round++)
            {
                progress = run.Round(true, window, ct);
            }
        }

        return progress;
    }
}
