using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Cells;

namespace OrleansSweep.Cluster.Tests.Consumers;

/// <summary>
/// The production registration (<see cref="SweepNodeRegistration.AddSweepNode"/> and the production endpoints) under
/// MassTransit's test harness on the in-memory transport.
/// </summary>
internal static class WorkerHarness
{
    public static ServiceProvider Build(SiloRoles roles, string? storePath, Action<IServiceCollection>? replace = null)
    {
        var options = new ClusterOptions { Transport = TransportKind.InMemory, NodeName = "harness", Concurrency = 1 };
        var services = new ServiceCollection();
        services.AddSweepNode(options, roles, storePath);
        replace?.Invoke(services);
        var endpoints = new ClusterEndpoints(options, roles, clusterCoordinator: false);
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((context, transport) => endpoints.Configure(context, transport)));
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task SendAsync<T>(this ITestHarness harness, string queue, T message)
        where T : class
    {
        var endpoint = await harness.Bus.GetSendEndpoint(QueueNames.Queue(queue));
        await endpoint.Send(message);
    }
}

/// <summary>A cell worker that blocks on the first cells until cancelled and finishes later ones at once.</summary>
internal sealed class GatedWorker(int blockedCells) : ICellWorker
{
    private int cancelled;

    public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Cancelled => Volatile.Read(ref cancelled);

    public async Task<CellAnalyzed?> AnalyzeAsync(AnalyzeCell command, CancellationToken cancellationToken)
    {
        if (command.CellIndex < blockedCells)
        {
            FirstStarted.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                return null;
            }
        }

        return new CellAnalyzed(command.SweepId, command.CellId, command.CellIndex, "ok", null,
            new Dictionary<string, double?>(), new Dictionary<string, string>(), new Dictionary<string, double[]>(), "gated", 0);
    }
}
