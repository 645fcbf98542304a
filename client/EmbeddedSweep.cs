using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Cluster;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a sweep in this process through the same grain / coordinator design as the cluster, on MassTransit's
/// in-memory transport: scaling out later changes the transport setting, not the code path.
/// </summary>
internal static class EmbeddedSweep
{
    public static async Task<SweepOutcome> RunAsync(
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
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
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
