namespace OrleansSweep.Telemetry;

public static partial class SweepTelemetry
{
    private const string UnknownModel = "unknown";

    /// <summary>One result the coordinator made durable: counts it as completed (ok, partial) or failed.</summary>
    public static void RecordCellRecorded(string? model, string status)
    {
        var modelTag = new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel);
        if (status == Statuses.Failed)
        {
            SweepInstruments.CellsFailed.Add(1, modelTag);
        }
        else
        {
            SweepInstruments.CellsCompleted.Add(1, modelTag, new KeyValuePair<string, object?>(Attributes.Status, status));
        }
    }

    /// <summary>Results dropped by the coordinator because their cell was already stored.</summary>
    public static void RecordRedelivered(int count)
    {
        if (count > 0)
        {
            SweepInstruments.CellsRedelivered.Add(count);
        }
    }

    /// <summary>One batched store transaction: its size and how long it took (failed transactions are tagged so).</summary>
    public static void RecordStoreWrite(int batchSize, TimeSpan elapsed, bool succeeded)
    {
        SweepInstruments.BatchSize.Record(batchSize);
        SweepInstruments.WriteLatency.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(Attributes.Status, succeeded ? Statuses.Ok : Statuses.Failed));
    }

    /// <summary>A whole cell on a worker.</summary>
    public static void RecordCellDuration(string? model, string status, TimeSpan elapsed) =>
        SweepInstruments.CellDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel),
            new KeyValuePair<string, object?>(Attributes.Status, status));

    /// <summary>One analysis of one realisation (or a cell's theory).</summary>
    public static void RecordAnalysisDuration(string? model, string analysis, string status, TimeSpan elapsed) =>
        SweepInstruments.AnalysisDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel),
            new KeyValuePair<string, object?>(Attributes.Analysis, analysis),
            new KeyValuePair<string, object?>(Attributes.Status, status));

    /// <summary>How long a cell waited between dispatch and its worker starting it.</summary>
    public static void RecordQueueWait(string? model, TimeSpan wait) =>
        SweepInstruments.QueueWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>(Attributes.Model, model ?? UnknownModel));

    /// <summary>Counts a cell in flight on <paramref name="worker"/> until the returned scope is disposed.</summary>
    public static InFlightScope BeginInFlight(string worker)
    {
        var tag = new KeyValuePair<string, object?>(Attributes.Worker, worker);
        SweepInstruments.CellsInFlight.Add(1, tag);
        return new InFlightScope(tag);
    }
}

/// <summary>Ends one cell's <see cref="SweepTelemetry.BeginInFlight"/>.</summary>
public readonly struct InFlightScope : IDisposable
{
    private readonly KeyValuePair<string, object?> worker;

    internal InFlightScope(KeyValuePair<string, object?> worker) => this.worker = worker;

    public void Dispose() => SweepInstruments.CellsInFlight.Add(-1, worker);
}
