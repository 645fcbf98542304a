namespace OrleansSweep.Science.Theory;

/// <summary>
/// One theory prediction for a sweep cell: a snake_case name (stored as the Parquet column <c>theory_&lt;name&gt;</c>),
/// its value and its own status.
/// </summary>
/// <param name="Name">snake_case, e.g. <c>lyapunov_max</c>.</param>
/// <param name="Value">the value; null when not solved or not applicable. Flags are 1/0. ξ may be +∞ (critical
/// line). With <see cref="AnalysisStatus.NotConverged"/> it is the best estimate, if any.</param>
/// <param name="Outcome">Converged ("solved"), NotConverged / Diverged ("not solved", reason given), NotApplicable
/// (reason says why the theory does not cover this cell) or Cancelled.</param>
/// <param name="Note">caveat attached to a solved value (e.g. "τ_r → 0 approximation"); null when none.</param>
public sealed record TheoryValue(string Name, double? Value, AnalysisOutcome Outcome, string? Note = null)
{
    /// <summary>Column name in result files: <c>theory_</c> + <see cref="Name"/>.</summary>
    public string ColumnName => TheoryValues.ColumnPrefix + Name;
}
