using OrleansSweep.Science;
using OrleansSweep.Science.Theory;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// How theory values reach the phase map: <c>theory_&lt;name&gt;</c> holds a value only when its solver converged, and
/// <c>theory_&lt;name&gt;_status</c> always says what happened (the documented rule, Models/README.md "Theory columns").
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Converged: the value (±∞ kept: ξ on a critical line); status "converged", or "converged; &lt;note&gt;" when the
/// value carries a caveat (an approximation, the branch of a multistable map).</item>
/// <item>NotConverged, Diverged, Cancelled: <b>null</b>, whatever best estimate the solver had; status
/// "not converged: &lt;reason&gt;" (e.g. "not converged: residual 2e-4 after 40 iterations"). A value that did not converge
/// never sits in the map as if it had.</item>
/// <item>NotApplicable: null; status "not applicable: &lt;reason&gt;".</item>
/// </list>
/// </remarks>
internal static class TheoryColumns
{
    public static void Record(TheoryValues predictions, IDictionary<string, double?> metrics, IDictionary<string, string> statuses)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (var value in predictions)
        {
            var column = value.ColumnName;
            var converged = value.Outcome.Status == AnalysisStatus.Converged;
            metrics[column] = converged && value.Value is { } v && !double.IsNaN(v) ? v : null;
            var status = RealizationAnalyzer.StatusText(value.Outcome);
            statuses[column + "_status"] = converged && value.Note is { } note ? $"{status}; {note}" : status;
        }
    }
}
