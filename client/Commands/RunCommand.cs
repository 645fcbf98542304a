using System.CommandLine;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Specs;
using Microsoft.Extensions.Configuration;
using OrleansSweep.Hosting;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep run SPEC [--out DIR]</c>: the embedded default — all cores, one process, resumable.</summary>
/// <remarks>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the run exports its traces and metrics as the service
/// <c>orleanssweep-embedded</c> (role "embedded": client, sweep grain and cell executor share this one process and its
/// one provider; a cluster's <c>sweep submit</c> is "client", its silos are "silo"). Flushed at exit.
/// </remarks>
internal static class RunCommand
{

    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "the sweep spec (JSON)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "output folder (default: the spec's \"output\", else out/<name>)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "stop at the first failing cell (default: record the failure and go on)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "cells computed at once (default: one per core)" };
        var command = new Command("run", "Run a sweep on this machine and write the Parquet phase map, heat maps and an HTML report. Re-running resumes.")
        {
            spec, output, failFast, concurrency,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(spec)!, parse.GetValue(output), parse.GetValue(failFast), parse.GetValue(concurrency), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo specFile, DirectoryInfo? output, bool failFast, int? concurrency, CancellationToken cancellationToken)
    {
        ValidatedSweep sweep;
        string folder;
        try
        {
            sweep = SpecLoader.Load(specFile.FullName);
            folder = output?.FullName ?? Path.GetFullPath(sweep.Spec.Output);
            OutputGuard.Check(folder, sweep.Fingerprint);
        }
        catch (SpecValidationException exception)
        {
            return SpecErrors.Report(exception, Console.Error);
        }

        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (TelemetryExtensions.IsExportConfigured(environment))
        {
            Console.WriteLine($"telemetry: OTLP export as {TelemetryExtensions.ServiceName(environment, EmbeddedSweep.TelemetryRole)}");
        }

        Console.WriteLine($"sweep {sweep.Spec.Name}: {sweep.CellCount} cells × {sweep.Spec.Realizations} realisation(s), model {Science.Models.ModelCatalog.NameOf(sweep.Spec.Model)}, kernels {DenseKernels.Describe()}");
        if (sweep.Spec.Refine is { } refine)
        {
            Console.WriteLine($"  {refine.Describe(sweep.CellCount)}; the cell count grows round by round");
        }

        var progress = new ProgressLine(Console.Out);
        try
        {
            var outcome = await EmbeddedSweep.RunAsync(sweep, folder, failFast, concurrency, progress.Report, cancellationToken).ConfigureAwait(false);
            progress.Finish();
            return Summarize(outcome, folder);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Finish();
            Console.Error.WriteLine($"interrupted: finished cells are stored in {folder}; run the same command again to resume.");
            return ExitCodes.Interrupted;
        }
    }

    private static int Summarize(EmbeddedOutcome outcome, string folder)
    {
        var status = outcome.Status;
        if (status.State != SweepStates.Completed)
        {
            Console.Error.WriteLine($"stopped: {status.Reason}. Finished cells are stored in {folder}.");
            return ExitCodes.CellsFailed;
        }

        Console.WriteLine($"done: {status.Total} cells, {status.Failed} failed");
        Console.WriteLine($"  phase map: {outcome.PhaseMapPath}");
        Console.WriteLine($"  report:    {Path.Combine(folder, "report.html")}");
        return status.Failed == 0 ? ExitCodes.Success : ExitCodes.CellsFailed;
    }
}
