using OrleansSweep.Cluster.Tests.Support;
using OrleansSweep.Telemetry.Tests.Support;
using static OrleansSweep.Telemetry.SweepTelemetry;

namespace OrleansSweep.Cluster.Tests.Integration;

/// <summary>
/// End to end over the cluster: <c>sweep submit</c>, a coordinator and two worker silos, every process exporting to
/// one local OTLP/HTTP collector configured only through the standard OTEL_* variables.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class ClusterTelemetryTests(RabbitMqBroker broker)
{
    private const int Cells = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Flush = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Client_coordinator_and_both_workers_export_and_every_cell_links_to_the_submitted_sweep()
    {
        await using var collector = new OtlpReceiver();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        await using var cluster = await ClusterHarness.StartAsync(broker, "telemetry");
        foreach (var (name, value) in environment)
        {
            cluster.SiloEnvironment[name] = value;
        }

        var coordinator = cluster.StartCoordinator();
        var workers = new[] { cluster.StartWorker("worker-1"), cluster.StartWorker("worker-2") };
        var specPath = Path.Combine(cluster.Folder, "spec.json");
        await File.WriteAllTextAsync(specPath, TestSpecs.EightShortCells);
        await cluster.WaitForAsync(Guid.NewGuid(), s => s.Silos.Count(silo => silo.Node.StartsWith("worker-", StringComparison.Ordinal)) == 2,
            Patience, "both workers heard from"); // so that the two share the cells

        var submit = await ProcessRunner.SweepAsync(environment, ["submit", specPath, .. cluster.ClusterArguments]);
        Assert.True(submit.ExitCode == 0, submit.Error);
        Assert.Contains("telemetry: traces http/protobuf", submit.Error, StringComparison.Ordinal);
        var sweepId = Guid.Parse(submit.Output.Trim());
        await cluster.WaitForCompletionAsync(sweepId, Patience);

        // SIGTERM, as a service manager stops a silo: the export flushes after the bus has stopped.
        foreach (var silo in workers.Append(coordinator))
        {
            await silo.StopAsync(Flush);
        }

        var spans = collector.Spans;
        Assert.Empty(collector.Problems);
        var sweep = Assert.Single(spans, s => s.Name == Spans.Sweep && s.Scope == SourceName);
        Assert.Equal(("orleanssweep-client", "client", sweepId.ToString()), (sweep.Service, sweep.Resource["orleanssweep.role"], sweep.Attributes[Attributes.SweepId]));

        // The coordinator's spans are children of the client's sweep span, in its trace.
        foreach (var name in new[] { Spans.Dispatch, Spans.Outputs })
        {
            var span = Assert.Single(spans, s => s.Name == name && s.Scope == SourceName);
            Assert.Equal(("orleanssweep-coordinator", sweep.TraceId, sweep.SpanId), (span.Service, span.TraceId, span.ParentSpanId));
        }

        // Every cell: computed on a worker silo, a trace of its own, linked to the sweep span.
        var cells = spans.Where(s => s.Name == Spans.Cell && s.Scope == SourceName).ToList();
        Assert.Equal(Cells, cells.Select(c => c.Attributes[Attributes.CellId]).Distinct().Count());
        Assert.All(cells, cell =>
        {
            Assert.Equal("orleanssweep-worker", cell.Service);
            Assert.Equal(sweepId.ToString(), cell.Attributes[Attributes.SweepId]);
            Assert.NotEqual(sweep.TraceId, cell.TraceId);
            Assert.Contains((sweep.TraceId, sweep.SpanId), cell.Links);
        });
        Assert.Equal(["worker-1", "worker-2"], cells.Select(c => (string)c.Attributes[Attributes.Worker]!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, cells.Select(c => c.Resource["service.instance.id"]).Distinct().Count()); // two processes, one service
    }
}
