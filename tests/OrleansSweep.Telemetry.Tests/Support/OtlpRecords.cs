namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>A span as received over OTLP (ids in lowercase hex, "" when absent).</summary>
internal sealed record OtlpSpan(
    string Service,
    IReadOnlyDictionary<string, object?> Resource,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyList<(string TraceId, string SpanId)> Links,
    int StatusCode);

/// <summary>One data point of a received metric: a sum or gauge value, or a histogram's count.</summary>
internal sealed record OtlpPoint(IReadOnlyDictionary<string, object?> Attributes, double Value);

internal sealed record OtlpMetric(string Service, string Scope, string Name, IReadOnlyList<OtlpPoint> Points);
