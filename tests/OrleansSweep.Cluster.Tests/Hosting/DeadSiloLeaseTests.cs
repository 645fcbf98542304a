using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansSweep.Hosting;

namespace OrleansSweep.Cluster.Tests.Hosting;

/// <summary>
/// The directory's lease on a crashed silo's grains, as the silo configures it, through Orleans' own computation:
/// if a new Orleans counts the lease differently, this fails before a cluster waits 22 s again.
/// </summary>
public sealed class DeadSiloLeaseTests
{
    [Fact]
    public void Fast_failure_detection_ends_the_lease_two_seconds_after_the_death_is_declared() =>
        Assert.Equal(SweepClusterExtensions.LeaseAfterDeathDeclared, LeaseAfterDeclaration(new ClusterSettings { FastFailureDetection = true }));

    [Fact]
    public void Orleans_defaults_hold_no_lease_after_the_declaration() =>
        Assert.Equal(TimeSpan.Zero, LeaseAfterDeclaration(new ClusterSettings { FastFailureDetection = false }));

    /// <summary>What Orleans 10.4 holds after the declaration: RangeLeaseDuration minus its detection window.</summary>
    private static TimeSpan LeaseAfterDeclaration(ClusterSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseSweepCluster(settings));
        using var host = builder.Build(); // built, never started: only its options are read
        var directory = host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        var compute = typeof(GrainDirectoryOptions).Assembly
            .GetType("Orleans.Runtime.GrainDirectory.DistributedGrainDirectory")?
            .GetMethod("CalculateDeadSiloLeaseDuration", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.True(compute is not null, "Orleans no longer has DistributedGrainDirectory.CalculateDeadSiloLeaseDuration: check SweepClusterExtensions.DeadSiloLeaseFor against its new lease");
        return (TimeSpan)compute.Invoke(null, [directory.RangeLeaseDuration, membership])!;
    }
}
