using System.Diagnostics;

namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    /// <summary>
    /// Runs one analysis inside its span: sets the outcome, adds its results (only when all data is requested),
    /// records a throw, and records <see cref="Instruments.AnalysisDuration"/> whether or not anyone traces.
    /// </summary>
    public static T TraceAnalysis<T>(
        string analysis, string model, Func<T> run, Func<T, (string Status, string? Reason)> outcome, Action<Activity, T>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        var started = Stopwatch.GetTimestamp();
        var status = Statuses.Failed;
        using var span = StartAnalysis(analysis);
        try
        {
            var value = run();
            (status, var reason) = outcome(value);
            SetOutcome(span, status, reason);
            if (span is { IsAllDataRequested: true } && describe is not null)
            {
                describe(span, value);
            }

            return value;
        }
        catch (Exception exception)
        {
            status = exception is OperationCanceledException ? Statuses.Cancelled : Statuses.Failed;
            RecordException(span, exception);
            throw;
        }
        finally
        {
            RecordAnalysisDuration(model, analysis, status, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Sets a numeric result attribute, skipping NaN/±∞ (they mean "no value" in results).</summary>
    public static void SetResult(Activity span, string attribute, double value)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (double.IsFinite(value))
        {
            span.SetTag(attribute, value);
        }
    }
}
