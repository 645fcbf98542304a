using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Storage;

namespace OrleansSweep.Cluster.Tests.Support;

/// <summary>
/// The same sweep computed embedded, in this process (what <c>sweep run</c> does: in-memory transport, one
/// coordinator), once per spec: the reference the cluster's results must equal.
/// </summary>
internal static class EmbeddedReference
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<CellAnalyzed>>>> Cache = new();

    public static Task<IReadOnlyList<CellAnalyzed>> ResultsAsync(string specJson) =>
        Cache.GetOrAdd(specJson, json => new Lazy<Task<IReadOnlyList<CellAnalyzed>>>(() => RunAsync(json))).Value;

    private static async Task<IReadOnlyList<CellAnalyzed>> RunAsync(string specJson)
    {
        var folder = Directory.CreateTempSubdirectory("orleanssweep-embedded-").FullName;
        try
        {
            var plan = SweepPlanner.Plan(TestSpecs.Parse(specJson), folder);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            var options = new ClusterOptions { Transport = TransportKind.InMemory, NodeName = "embedded", Concurrency = 2 };
            builder.Services.AddSweepNode(options, SiloRoles.All, Path.Combine(folder, "results.db"));
            using var host = builder.Build();
            await host.StartAsync();
            var coordinator = host.Services.GetRequiredService<SweepCoordinator>();
            await coordinator.StartAsync(plan, failFast: false, CancellationToken.None);
            var outcome = await coordinator.Completion(plan.SweepId).WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(outcome.Completed, $"the embedded reference run stopped: {outcome.StopReason}");
            var results = host.Services.GetRequiredService<SweepStore>().Results(plan.SweepId);
            await host.StopAsync();
            return results;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
