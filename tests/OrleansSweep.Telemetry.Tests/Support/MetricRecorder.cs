using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Telemetry.Tests.Support;

/// <summary>One measurement of an OrleansSweep instrument.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Listens to OrleansSweep's meter and keeps every measurement.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public MetricRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SweepTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => [.. measurements.Where(m => m.Instrument == instrument)];

    public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}
