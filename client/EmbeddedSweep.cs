using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Cluster;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a sweep in this process through the same grain / coordinator design as the cluster, on MassTransit's
/// in-memory transport: scaling out later changes the transport setting, not the code path.
/// </summary>
/// <remarks>
/// The whole run is the sweep's root span; the coordinator and the workers, in this same process, find it through
/// <see cref="SweepTelemetry.SweepContextOf"/> (the cluster carries it in a message header instead).
/// </remarks>
internal static class EmbeddedSweep
{
    public static async Task<SweepOutcome> RunAsync(
        ValidatedSweep sweep, string outputFolder, bool failFast, int? concurrency, Action<SweepProgress> onProgress, CancellationToken cancellationToken)
    {
        using var span = SweepTelemetry.StartSweep(
            SweepPlanner.SweepIdOf(sweep.Fingerprint), sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CellCount, sweep.Spec.Realizations);
        try
        {
            var outcome = await RunHostAsync(sweep, outputFolder, failFast, concurrency, onProgress, cancellationToken).ConfigureAwait(false);
            SweepTelemetry.SetOutcome(span, outcome.Completed ? SweepTelemetry.Statuses.Completed : SweepTelemetry.Statuses.Stopped, outcome.StopReason);
            span?.SetTag(SweepTelemetry.Attributes.CellsFailed, outcome.Failed);
            return outcome;
        }
        catch (Exception exception)
        {
            SweepTelemetry.RecordException(span, exception);
            throw;
        }
    }

    private static async Task<SweepOutcome> RunHostAsync(
        ValidatedSweep sweep, string outputFolder, bool failFast, int? concurrency, Action<SweepProgress> onProgress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputFolder);
        SweepMarker.For(sweep).Write(outputFolder);
        var plan = SweepPlanner.Plan(sweep, outputFolder, cancellationToken);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var options = new ClusterOptions
        {
            Transport = TransportKind.InMemory,
            NodeName = "embedded",
            Concurrency = concurrency ?? Environment.ProcessorCount,
        };
        builder.Services.AddSweepNode(options, SiloRoles.All, Path.Combine(outputFolder, SweepMarker.FolderName, "results.db"));
        using var host = builder.Build();
        using (SweepTelemetry.DetachTrace())
        {
            // The bus's receive loops live as long as the host: they must not inherit the sweep span.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var coordinator = host.Services.GetRequiredService<SweepCoordinator>();
            coordinator.ProgressChanged += onProgress;
            await coordinator.StartAsync(plan, failFast, cancellationToken).ConfigureAwait(false);
            return await coordinator.Completion(plan.SweepId).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Stops the bus: in-flight cells observe cancellation; every stored result stays for the next run.
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
    }
}
