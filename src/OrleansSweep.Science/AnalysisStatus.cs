namespace OrleansSweep.Science;

/// <summary>How a numerical analysis ended. Non-convergence is a result, not an exception.</summary>
public enum AnalysisStatus
{
    /// <summary>The analysis met its convergence criterion.</summary>
    Converged,

    /// <summary>The analysis ran to its budget without meeting the criterion; values are the best estimate.</summary>
    NotConverged,

    /// <summary>The state or an estimate became non-finite or left the admissible range; values are not usable.</summary>
    Diverged,

    /// <summary>The analysis does not apply to this model or setting (the reason says why).</summary>
    NotApplicable,

    /// <summary>The caller's cancellation token fired before the analysis finished.</summary>
    Cancelled,
}

/// <summary>A status with a human-readable reason (null when <see cref="AnalysisStatus.Converged"/>).</summary>
public readonly record struct AnalysisOutcome(AnalysisStatus Status, string? Reason = null)
{
    public static AnalysisOutcome Converged { get; } = new(AnalysisStatus.Converged);

    public static AnalysisOutcome NotConverged(string reason) => new(AnalysisStatus.NotConverged, reason);

    public static AnalysisOutcome Diverged(string reason) => new(AnalysisStatus.Diverged, reason);

    public static AnalysisOutcome NotApplicable(string reason) => new(AnalysisStatus.NotApplicable, reason);

    public static AnalysisOutcome Cancelled { get; } = new(AnalysisStatus.Cancelled, "cancelled by the caller");

    public bool IsUsable => Status is AnalysisStatus.Converged or AnalysisStatus.NotConverged;
}
