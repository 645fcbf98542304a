using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Grains.Hosting;
using OrleansSweep.Hosting;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a sweep in this process on an in-process Orleans silo (the embedded default): the same cell and sweep grains
/// as a cluster, SQLite grain storage in the output folder, and the outputs written here from the sweep's result pages.
/// </summary>
/// <remarks>
/// Telemetry (service <c>orleanssweep-embedded</c> when an OTLP endpoint is set): the sweep span starts once the host,
/// and with it the tracer provider, has started — a span started earlier is never recorded — and ends before the host
/// is disposed, which flushes it. Its traceparent travels with the start command, so every cell trace links to it.
/// Ctrl-C stops the silo: stored results stay and the same command resumes.
/// </remarks>
internal static class EmbeddedSweep
{
    /// <summary>The grain storage file inside the output folder's marker folder.</summary>
    public const string StoreFile = "grains.db";

    /// <summary>The telemetry role of an embedded run: client, sweep grain and cell executor share this one process.</summary>
    public const string TelemetryRole = "embedded";

    public static async Task<EmbeddedOutcome> RunAsync(
        ValidatedSweep sweep, string outputFolder, bool failFast, int? concurrency, Action<SweepStatus> onProgress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputFolder);
        SweepMarker.For(sweep).Write(outputFolder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.AddSweepTelemetry(TelemetryRole);
        builder.UseOrleans(silo => silo.UseEmbeddedSweepSilo(Path.Combine(outputFolder, SweepMarker.FolderName, StoreFile), concurrency));
        using var host = builder.Build(); // disposing it flushes the telemetry
        using (SweepTelemetry.DetachTrace())
        {
            // The silo's loops live as long as the host: they must not inherit a caller's span.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await RunTracedAsync(sweep, host.Services.GetRequiredService<IGrainFactory>(), outputFolder, failFast, onProgress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Stops the silo: running cells observe cancellation; every stored result stays for the next run.
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The sweep inside its span: start, wait, read the results and write the outputs.</summary>
    private static async Task<EmbeddedOutcome> RunTracedAsync(
        ValidatedSweep sweep, IGrainFactory grains, string outputFolder, bool failFast, Action<SweepStatus> onProgress, CancellationToken cancellationToken)
    {
        using var span = SweepTelemetry.StartSweep(
            Sweeps.Coordination.SweepPlanner.SweepIdOf(sweep.Fingerprint), sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CellCount, sweep.Spec.Realizations);
        try
        {
            var outcome = await RunSweepAsync(sweep, grains, outputFolder, failFast, onProgress, cancellationToken).ConfigureAwait(false);
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

    private static async Task<EmbeddedOutcome> RunSweepAsync(
        ValidatedSweep sweep, IGrainFactory grains, string outputFolder, bool failFast, Action<SweepStatus> onProgress, CancellationToken cancellationToken)
    {
        var client = new SweepClient(grains);
        var started = await client.StartAsync(sweep, failFast).ConfigureAwait(false);
        onProgress(started);
        SweepStatus status;
        IReadOnlyList<CellAnalyzed> results;
        using (SweepTelemetry.DetachTrace())
        {
            // Outside the sweep's trace, which would otherwise grow with the run and the grid: five status polls a
            // second for hours, and each result page's grain call to every one of its cells' grains.
            status = await client.WaitAsync(started.SweepId, onProgress, TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            if (status.State != SweepStates.Completed)
            {
                return new EmbeddedOutcome(status, null);
            }

            results = await client.ReadResultsAsync(status.SweepId, cancellationToken).ConfigureAwait(false);
        }

        using var outputs = SweepTelemetry.StartOutputs(status.SweepId, status.Total, status.Failed);
        var path = await SweepOutputs.WriteAsync(sweep, outputFolder, results, cancellationToken).ConfigureAwait(false);
        return new EmbeddedOutcome(status, path);
    }
}

/// <summary>How an embedded run ended: the sweep's last status and, when it completed, the phase map's path.</summary>
internal sealed record EmbeddedOutcome(SweepStatus Status, string? PhaseMapPath);
