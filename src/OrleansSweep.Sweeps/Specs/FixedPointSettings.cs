namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Knobs of the fixed-point analysis: Newton–Raphson from many starts, deduplicated and classified by the
/// eigenvalues of the Jacobian at each point (science.md §C, MSML "Recommended").
/// JSON: <c>"fixedPoints": {"starts": 512}</c>; knobs left out take the defaults below.
/// </summary>
/// <remarks>
/// "rms" quantities are Euclidean norms divided by √D, so tolerances mean the same at every N. Newton undercounts,
/// so numbers of fixed points are lower bounds (§C).
/// </remarks>
public sealed record FixedPointSettings
{
    public const int DefaultStarts = 128;
    public const double DefaultTrajectoryStartFraction = 0.5;
    public const int DefaultMaxIterations = 50;
    public const double DefaultResidualTolerance = 1e-10;
    public const double DefaultDuplicateTolerance = 1e-6;

    /// <summary>The default start scales, 0.1 and 1 (§C: "scales 0.1–1").</summary>
    public static IReadOnlyList<double> DefaultStartScales { get; } = [0.1, 1.0];

    /// <summary>Number of Newton starts (≥ 1); §C recommends 10³–10⁴ for complexity estimates. Default 128.</summary>
    public int Starts { get; init; } = DefaultStarts;

    /// <summary>Standard deviations of the random starting states, cycled over the starts (each ≥ 0; at least one). Default [0.1, 1].</summary>
    public IReadOnlyList<double> StartScales { get; init; } = DefaultStartScales;

    /// <summary>Share of starts taken from the network's own trajectory instead of a random state, in [0, 1]. Default 0.5.</summary>
    public double TrajectoryStartFraction { get; init; } = DefaultTrajectoryStartFraction;

    /// <summary>Newton iterations per start (≥ 1). Default 50.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>A start has converged when its rms residual is below this (&gt; 0). Default 1e-10.</summary>
    public double ResidualTolerance { get; init; } = DefaultResidualTolerance;

    /// <summary>Two converged starts are the same fixed point when their rms distance is below this (&gt; 0). Default 1e-6.</summary>
    public double DuplicateTolerance { get; init; } = DefaultDuplicateTolerance;

    internal static IReadOnlyList<string> KnobNames { get; } = [.. new FixedPointSettings().Knobs().Select(k => k.Name)];

    /// <summary>Value equality, comparing the start scales element by element.</summary>
    public bool Equals(FixedPointSettings? other) =>
        other is not null &&
        Starts == other.Starts &&
        StartScales.SequenceEqual(other.StartScales) &&
        TrajectoryStartFraction.Equals(other.TrajectoryStartFraction) &&
        MaxIterations == other.MaxIterations &&
        ResidualTolerance.Equals(other.ResidualTolerance) &&
        DuplicateTolerance.Equals(other.DuplicateTolerance);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Starts);
        foreach (var scale in StartScales)
        {
            hash.Add(scale);
        }

        hash.Add(TrajectoryStartFraction);
        hash.Add(MaxIterations);
        hash.Add(ResidualTolerance);
        hash.Add(DuplicateTolerance);
        return hash.ToHashCode();
    }

    internal IReadOnlyList<Knob> Knobs() =>
    [
        new("starts", Starts),
        new("startScales", StartScales),
        new("trajectoryStartFraction", TrajectoryStartFraction),
        new("maxIterations", MaxIterations),
        new("residualTolerance", ResidualTolerance),
        new("duplicateTolerance", DuplicateTolerance),
    ];
}
