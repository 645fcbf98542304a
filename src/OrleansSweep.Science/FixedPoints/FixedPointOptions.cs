namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Settings of <see cref="FixedPointFinder"/>: how starts are drawn, how each start is iterated, and when two
/// converged starts count as the same fixed point. Defaults follow §C (MSML, "Recommended").
/// </summary>
/// <remarks>
/// <para>
/// The search solves G(x) = 0 with G = f(x) for flows (dx/dt = f(x)) and G = F(x) − x for maps, minimising
/// q(x) = ½|G(x)|². Every "rms" quantity below is a Euclidean norm divided by √dim (dim = the state dimension), so
/// tolerances mean the same at every N.
/// </para>
/// <para>
/// Starts: start k (0-based) is a <em>trajectory</em> start when ⌊(k+1)·f⌋ &gt; ⌊k·f⌋ with
/// f = <see cref="TrajectoryStartFraction"/>, otherwise a <em>random</em> start. Both draw an initial state with the
/// network's own initialiser (every h_i ~ N(0, s²), other parts as the family documents) at the scale
/// s = <see cref="StartScales"/>[k mod count], from the child stream <c>startStream.Fork(k)</c>. A trajectory start
/// then iterates the network's step map for <see cref="TransientSteps"/> steps and starts Newton from where the
/// trajectory is (so it samples the attractor: slow regions of a chaotic trajectory lie near saddles). Because
/// every choice depends only on k, the first S starts of a run with 2S starts are the starts of the run with S.
/// </para>
/// </remarks>
public sealed record FixedPointOptions
{
    /// <summary>The default settings.</summary>
    public static FixedPointOptions Default { get; } = new();

    /// <summary>Number of Newton starts (default 256). §C recommends 10³–10⁴ for complexity estimates.</summary>
    public int Starts { get; init; } = 256;

    /// <summary>
    /// Share of starts taken from the network's own trajectory after <see cref="TransientSteps"/> (default 0.25);
    /// the rest start from the random initial state itself. Ignored (all starts random) when no step map is given
    /// for a flow.
    /// </summary>
    public double TrajectoryStartFraction { get; init; } = 0.25;

    /// <summary>Standard deviations s of the initial states, cycled over the starts (default 0.1 and 1, as in §C).</summary>
    public IReadOnlyList<double> StartScales { get; init; } = [0.1, 1.0];

    /// <summary>
    /// Steps of the step map before a trajectory start is taken (default 400: 400 steps of a discrete network, or
    /// 400·dt = 20 time units of a flow at dt = 0.05).
    /// </summary>
    public int TransientSteps { get; init; } = 400;

    /// <summary>Newton (or fallback) iterations per start, polishing included (default 50).</summary>
    public int MaxNewtonIterations { get; init; } = 50;

    /// <summary>
    /// Halvings of a steepest-descent step before it is abandoned (default 30). Newton steps are halved at most 4
    /// times: a Newton direction that needs more hands over to Levenberg–Marquardt.
    /// </summary>
    public int MaxBacktracks { get; init; } = 30;

    /// <summary>
    /// A start has converged when the rms residual |G|/√m is below this (default 1e-10) and the rms Newton step is
    /// below <see cref="StepTolerance"/>. m is the number of unknowns: the state dimension, or N for the GRU and the
    /// gated RNN, which are solved in their z-free form (§A.2–A.3, §C: G = h̃(h) − h; G = −h + J^h(σ_r ⊙ φ)); the
    /// minimalRNN is solved with its gate divided out (G = h).
    /// </summary>
    public double ResidualTolerance { get; init; } = 1e-10;

    /// <summary>
    /// Rms size of the Newton step, an estimate of the distance to the exact root, that a start whose residual is
    /// under <see cref="ResidualTolerance"/> must also reach to count as converged (default 1e-8; one more Newton step is
    /// then taken, which puts a non-degenerate root at machine precision). A tiny residual with a large Newton step is
    /// a near-zero of G without a root (e.g. a saturated gate that holds any state) and counts as a slow point.
    /// </summary>
    public double StepTolerance { get; init; } = 1e-8;

    /// <summary>
    /// A start that stalls with residual above tolerance is a <em>slow point</em> (a local minimum of q with q &gt; 0,
    /// counted and rejected) when the relative gradient |JᵀG| / (max(‖J‖_F, 1)·|G|) is below this (default 1e-6);
    /// otherwise it is a failed start. Starts that stall (q falls by less than 10⁻⁴ of itself over ten
    /// iterations) and starts whose residual is tiny but whose Newton step is not (see
    /// <see cref="StepTolerance"/>) also count as slow points.
    /// </summary>
    public double SlowPointTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Two converged starts are the same fixed point when ‖x_a − x_b‖₂/√dim is below this (default 1e-6, §C); the
    /// representative kept is the one with the lower residual.
    /// </summary>
    public double DuplicateTolerance { get; init; } = 1e-6;

    /// <summary>Largest rms step taken from one iterate (default 10); longer Newton steps are shortened first.</summary>
    public double MaxStepRms { get; init; } = 10.0;

    /// <summary>A start has diverged when the rms state exceeds this (default 1e6) or becomes non-finite.</summary>
    public double DivergenceBound { get; init; } = 1e6;

    /// <summary>
    /// Eigenvalues within this of the stability boundary (|Re λ| for flows, ||λ| − 1| for maps) are marginal
    /// (default 1e-9): a point with one is neither stable nor counted as unstable in that direction.
    /// </summary>
    public double MarginalTolerance { get; init; } = 1e-9;

    /// <summary>Most points stored in <see cref="FixedPointReport.Points"/> (default 1000); counts cover all points.</summary>
    public int KeepPoints { get; init; } = 1000;

    /// <summary>Whether each stored point carries its full eigenvalue list (default false: memory).</summary>
    public bool KeepEigenvalues { get; init; }

    /// <summary>Throws when a setting is out of range (a configuration error, caught by validation earlier).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Starts);
        ArgumentOutOfRangeException.ThrowIfNegative(TransientSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxNewtonIterations);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBacktracks);
        ArgumentOutOfRangeException.ThrowIfNegative(KeepPoints);
        if (TrajectoryStartFraction is < 0.0 or > 1.0 || double.IsNaN(TrajectoryStartFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(TrajectoryStartFraction), TrajectoryStartFraction, "must lie in [0, 1]");
        }

        if (StartScales is null || StartScales.Count == 0 || StartScales.Any(s => !double.IsFinite(s) || s < 0.0))
        {
            throw new ArgumentException("StartScales must hold at least one finite scale ≥ 0.", nameof(StartScales));
        }

        foreach (var (name, value) in new[]
        {
            (nameof(ResidualTolerance), ResidualTolerance), (nameof(StepTolerance), StepTolerance),
            (nameof(SlowPointTolerance), SlowPointTolerance), (nameof(DuplicateTolerance), DuplicateTolerance),
            (nameof(MaxStepRms), MaxStepRms), (nameof(DivergenceBound), DivergenceBound),
            (nameof(MarginalTolerance), MarginalTolerance),
        })
        {
            if (!(value > 0.0) || double.IsPositiveInfinity(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "must be finite and > 0");
            }
        }
    }
}
