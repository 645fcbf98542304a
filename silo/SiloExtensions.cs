using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using OrleansSweep.Grains.Execution;
using OrleansSweep.Hosting;

namespace OrleansSweep.Silo;

/// <summary>The silo's services and endpoints: the Orleans silo, telemetry, the dashboard and the health endpoint.</summary>
internal static class SiloExtensions
{
    /// <summary>The health endpoint's path (Kubernetes probes, load balancers).</summary>
    public const string HealthPath = "/health";

    /// <summary>The dashboard's path prefix.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>Configures the silo from settings; returns an exit code (and says why) when they are invalid.</summary>
    public static int? AddSweepSilo(this WebApplicationBuilder builder, string[] args, TextWriter errors)
    {
        SiloCommandLine.AddTo(builder.Configuration, args);
        var settings = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        if (settings.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine($"orleanssweep-silo: {problem}");
            }

            return 2;
        }

        builder.Services.AddSingleton(settings);
        builder.AddSweepTelemetry("silo");
        builder.WebHost.UseUrls($"http://{settings.DashboardHost}:{settings.DashboardPort}");
        builder.UseOrleans(silo =>
        {
            silo.UseSweepCluster(settings);
            if (Environment.GetEnvironmentVariable("ORLEANSSWEEP_KUBERNETES") == "1")
            {
                // Pod name as silo name, pods and membership kept in step; RBAC in deploy/k8s/rbac.yaml.
                silo.UseKubernetesHosting();
            }

            silo.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return null;
    }

    /// <summary>This silo's cell executor counters as JSON (operators, and the cluster tests' recomputation checks).</summary>
    public const string StatsPath = "/stats";

    public static void MapSweepSiloEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapGet(StatsPath, (CellExecutor executor) => new SiloStats(executor.WorkerName, executor.Threads, executor.Busy, executor.Queued, executor.Computed, executor.Idle.Total.TotalSeconds));
        app.MapOrleansDashboard(DashboardPath);
    }
}

/// <summary>The body of the stats endpoint; <paramref name="IdleSeconds"/> is how long the executor's threads have
/// waited with no cell since the silo started, summed over threads.</summary>
internal sealed record SiloStats(string Name, int Threads, int Busy, int Queued, long Computed, double IdleSeconds);

/// <summary>Healthy while this silo is an active member of the cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {oracle.SiloName} is active")
            : HealthCheckResult.Unhealthy($"silo {oracle.SiloName} is {oracle.CurrentStatus}"));
}
