using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansSweep.Telemetry;

/// <summary>
/// The product's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, the names of every span, attribute and
/// instrument, and the factories that start the spans (like npgsql's <c>NpgsqlActivitySource</c>).
/// </summary>
/// <remarks>
/// <para>Trace shape (§ issue 6): one <b>sweep</b> trace holds the sweep span (started by the client) with its
/// <c>dispatch</c> and <c>outputs</c> children; every cell is a trace of its own — the transport's send/consume spans,
/// the <c>cell</c> span, one <c>realization</c> child per realisation and one analysis child per analysis
/// (<c>fixed_points</c>, <c>lyapunov</c>, <c>spectrum</c>; <c>theory</c> is computed once per cell and hangs off the
/// cell span) — and the cell span carries an <see cref="ActivityLink"/> to the sweep span. A 10,000-cell sweep is
/// therefore 10,001 small traces, not one trace of a million spans.</para>
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

    /// <summary>MassTransit's ActivitySource and Meter (both carry this name); exporters subscribe to it too.</summary>
    public const string MassTransitName = "MassTransit";

    /// <summary>
    /// Message header that carries the sweep span's context (W3C <c>traceparent</c> form) to worker processes, so
    /// that a cell computed on another machine links to its sweep (see <see cref="ToTraceParent"/>).
    /// </summary>
    public const string SweepContextHeader = "OrleansSweep-Sweep-Traceparent";

    private static readonly string Version =
        typeof(SweepTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The source of every OrleansSweep span.</summary>
    public static ActivitySource Source { get; } = new(SourceName, Version);

    /// <summary>The meter of every OrleansSweep instrument.</summary>
    public static Meter Meter { get; } = new(MeterName, Version);

    /// <summary>The W3C <c>traceparent</c> text of <paramref name="context"/>, or null for an invalid context.</summary>
    public static string? ToTraceParent(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(byte)context.TraceFlags:x2}";

    /// <summary>Parses a <c>traceparent</c> (e.g. the <see cref="SweepContextHeader"/>); default when absent or malformed.</summary>
    public static ActivityContext ParseTraceParent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
