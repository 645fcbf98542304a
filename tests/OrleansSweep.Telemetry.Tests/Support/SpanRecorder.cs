using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>
/// Listens to OrleansSweep's source — and, when asked, to Orleans' sources — (like npgsql's TracingTests) and keeps
/// every span that stopped.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder(ActivitySamplingResult sampling = ActivitySamplingResult.AllDataAndRecorded, bool orleans = false)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SweepTelemetry.SourceName || (orleans && source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => sampling,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Spans => [.. stopped];

    public IReadOnlyList<Activity> Named(string name) => [.. stopped.Where(s => s.OperationName == name && s.Source.Name == SweepTelemetry.SourceName)];

    /// <summary>Every stopped span of the trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. stopped.Where(s => s.TraceId == traceId)];

    public Activity Single(string name) => Assert.Single(Named(name));

    public void Dispose() => listener.Dispose();
}
