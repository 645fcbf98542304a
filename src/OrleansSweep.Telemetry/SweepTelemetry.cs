using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansSweep.Telemetry;

/// <summary>
/// The product's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, the names of every span, attribute and
/// instrument, and the factories that start the spans (like npgsql's <c>NpgsqlActivitySource</c>).
/// </summary>
/// <remarks>
/// <para>Trace shape: one <b>sweep</b> trace holds the sweep span (started by the client that runs or submits the
/// sweep), Orleans' grain-call and storage spans of starting the sweep grain (activity propagation is on), the
/// result pages and the <c>outputs</c> child of an embedded run. Every cell is a trace of its own whose root is the
/// <c>cell</c> span, with one <c>realization</c> child per realisation and one analysis child per analysis
/// (<c>fixed_points</c>, <c>lyapunov</c>, <c>spectrum</c>; <c>theory</c> is computed once per cell and hangs off the
/// cell span); the cell span carries an <see cref="ActivityLink"/> to the sweep span. The sweep grain starts each
/// cell grain outside the sweep's trace, so each cell's <c>StartAsync</c>/<c>ReportAsync</c> grain calls and the
/// cell's storage writes form a small trace of their own too. A 10,000-cell sweep is therefore ~20,000 small traces,
/// not one trace of a million spans.</para>
/// <para>Status: a thrown exception sets <see cref="ActivityStatusCode.Error"/> and is recorded as an exception event.
/// Non-convergence is a <em>result</em> (the <see cref="Attributes.Status"/> attribute says "not_converged"), not an
/// error, exactly as in the science.</para>
/// <para>Cost: with no listener every factory returns null after one check; attributes that cost an allocation per
/// value (the cell's parameters, theory values, reasons) are added only when <see cref="Activity.IsAllDataRequested"/>.</para>
/// </remarks>
public static partial class SweepTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name every OrleansSweep span comes from.</summary>
    public const string SourceName = "OrleansSweep";

    /// <summary>The <see cref="Meter"/> name every OrleansSweep instrument belongs to.</summary>
    public const string MeterName = "OrleansSweep";

    private static readonly string Version =
        typeof(SweepTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The source of every OrleansSweep span.</summary>
    public static ActivitySource Source { get; } = new(SourceName, Version);

    /// <summary>The meter of every OrleansSweep instrument.</summary>
    public static Meter Meter { get; } = new(MeterName, Version);

    /// <summary>The W3C <c>traceparent</c> text of <paramref name="context"/>, or null for an invalid context.</summary>
    public static string? ToTraceParent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(byte)context.TraceFlags:x2}";

    /// <summary>Parses a <c>traceparent</c> (e.g. <c>AnalyzeCell.SweepTraceParent</c>); default when absent or malformed.</summary>
    public static ActivityContext ParseTraceParent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
