using System.CommandLine;
using OrleansSweep.Contracts;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Telemetry;
using OrleansSweep.Telemetry.Export;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep submit SPEC --cluster URI</c>: validates locally, hands the sweep to the cluster and prints its id at once.</summary>
/// <remarks>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the submission exports as <c>orleanssweep-client</c>: it starts the
/// sweep's root span and sends its context with the command (<see cref="SweepTelemetry.SweepContextHeader"/>), so
/// the coordinator's spans are its children and every cell span on the workers links to it. Flushed at exit.
/// </remarks>
internal static class SubmitCommand
{
    /// <summary>The telemetry role of <c>sweep submit</c> (service name <c>orleanssweep-client</c>).</summary>
    public const string TelemetryRole = "client";

    private static readonly TimeSpan Acknowledgement = TimeSpan.FromSeconds(3);

    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "the sweep spec (JSON)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "stop the sweep at the first failing cell (default: record the failure and go on)" };
        var cluster = new ClusterArguments();
        var command = new Command("submit",
            "Submit a sweep to a cluster; prints the sweep id (on stdout) at once. Submitting the same spec again resumes it.") { spec, failFast };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cluster, parse.GetValue(spec)!, parse.GetValue(failFast), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ClusterArguments cluster, FileInfo specFile, bool failFast, CancellationToken cancellationToken)
    {
        ValidatedSweep sweep;
        try
        {
            sweep = SpecLoader.Load(specFile.FullName);
        }
        catch (SpecValidationException exception)
        {
            return SpecErrors.Report(exception, Console.Error);
        }

        var sweepId = SweepPlanner.SweepIdOf(sweep.Fingerprint);
        using var telemetry = TelemetryExport.Start(TelemetryRole);
        foreach (var problem in telemetry.Settings.Problems)
        {
            Console.Error.WriteLine($"telemetry: {problem}");
        }

        if (telemetry.IsEnabled)
        {
            Console.Error.WriteLine($"telemetry: {telemetry.Description}");
        }

        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            // The coordinator picks the output folder (<data>/<sweep id>); sweep results fetches the outputs.
            using (var span = SweepTelemetry.StartSweep(sweepId, sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CellCount, sweep.Spec.Realizations))
            {
                await client.SubmitAsync(new StartSweep(sweepId, sweep.CanonicalJson, "", failFast), span?.Context ?? default, cancellationToken).ConfigureAwait(false);
            }

            Console.WriteLine(sweepId);
            Console.Error.WriteLine($"submitted {sweep.Spec.Name}: {sweep.CellCount} cells × {sweep.Spec.Realizations} realisation(s){(failFast ? ", fail-fast" : "")}");
            await AcknowledgeAsync(client, sweepId, cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"follow it with: sweep watch {sweepId} --cluster {client.Broker}");
            return ExitCodes.Success;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A short look at whether a coordinator took the sweep; the sweep is queued durably either way.</summary>
    private static async Task AcknowledgeAsync(Cluster.Client.SweepClusterClient client, Guid sweepId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Acknowledgement;
        while (DateTime.UtcNow < deadline)
        {
            var status = await client.StatusAsync(sweepId, Acknowledgement, cancellationToken).ConfigureAwait(false);
            if (status is null)
            {
                break;
            }

            if (status.State != "unknown")
            {
                Console.Error.WriteLine($"coordinator {status.Coordinator}: {status.State}, {status.Done}/{status.Total} cells already stored" +
                    (status.Reason is { } reason ? $" ({reason})" : ""));
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        Console.Error.WriteLine($"no coordinator took it within {Acknowledgement.TotalSeconds:0} s: the sweep waits in the broker and starts when a coordinator runs");
    }
}
