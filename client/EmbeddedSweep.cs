using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a sweep in this process on an in-process Orleans silo (the embedded default): the same cell and sweep grains
/// as a cluster, SQLite grain storage in the output folder, and the outputs written here from the sweep's result pages.
/// </summary>
/// <remarks>
/// The whole run is the sweep's root span; its traceparent travels with the start command, so every cell trace links
/// to it. Ctrl-C stops the silo: stored results stay and the same command resumes.
/// </remarks>
internal static class EmbeddedSweep
{
    /// <summary>The grain storage file inside the output folder's marker folder.</summary>
    public const string StoreFile = "grains.db";

    public static async Task<EmbeddedOutcome> RunAsync(
        ValidatedSweep sweep, string outputFolder, bool failFast, int? concurrency, Action<SweepStatus> onProgress, CancellationToken cancellationToken)
    {
        using var span = SweepTelemetry.StartSweep(
            Sweeps.Coordination.SweepPlanner.SweepIdOf(sweep.Fingerprint), sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CellCount, sweep.Spec.Realizations);
        try
        {
            var outcome = await RunSiloAsync(sweep, outputFolder, failFast, concurrency, onProgress, cancellationToken).ConfigureAwait(false);
            SweepTelemetry.SetOutcome(span, outcome.Status.State == SweepStates.Completed ? SweepTelemetry.Statuses.Completed : SweepTelemetry.Statuses.Stopped, outcome.Status.Reason);
            span?.SetTag(SweepTelemetry.Attributes.CellsFailed, outcome.Status.Failed);
            return outcome;
        }
        catch (Exception exception)
        {
            SweepTelemetry.RecordException(span, exception);
            throw;
        }
    }

    private static async Task<EmbeddedOutcome> RunSiloAsync(
        ValidatedSweep sweep, string outputFolder, bool failFast, int? concurrency, Action<SweepStatus> onProgress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputFolder);
        SweepMarker.For(sweep).Write(outputFolder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseEmbeddedSweepSilo(Path.Combine(outputFolder, SweepMarker.FolderName, StoreFile), concurrency));
        using var host = builder.Build();
        using (SweepTelemetry.DetachTrace())
        {
            // The silo's loops live as long as the host: they must not inherit the sweep span.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var client = new SweepClient(host.Services.GetRequiredService<IGrainFactory>());
            var started = await client.StartAsync(sweep, failFast).ConfigureAwait(false);
            onProgress(started);
            var status = await client.WaitAsync(started.SweepId, onProgress, TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            if (status.State != SweepStates.Completed)
            {
                return new EmbeddedOutcome(status, null);
            }

            var results = await client.ReadResultsAsync(status.SweepId, cancellationToken).ConfigureAwait(false);
            var path = await SweepOutputs.WriteAsync(sweep, outputFolder, results, cancellationToken).ConfigureAwait(false);
            return new EmbeddedOutcome(status, path);
        }
        finally
        {
            // Stops the silo: running cells observe cancellation; every stored result stays for the next run.
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
    }
}

/// <summary>How an embedded run ended: the sweep's last status and, when it completed, the phase map's path.</summary>
internal sealed record EmbeddedOutcome(SweepStatus Status, string? PhaseMapPath);
