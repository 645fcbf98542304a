using System.CommandLine;
using OrleansSweep.Client.Cluster;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Specs;
using OrleansSweep.Telemetry;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep submit SPEC --cluster redis://HOST:PORT</c>: validates locally, starts the sweep grain, prints its id at once.</summary>
/// <remarks>The submission is the sweep's root span; its traceparent goes with the start command, so cell traces link to it.</remarks>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "the sweep spec (JSON)" };
        var failFast = new Option<bool>("--fail-fast") { Description = "stop the sweep at the first failing cell (default: record the failure and go on)" };
        var cluster = new ClusterArguments();
        var command = new Command("submit", "Submit a sweep to a cluster; prints the sweep id (on stdout) at once. Submitting the same spec again resumes it.") { spec, failFast };
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

        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            var id = Sweeps.Coordination.SweepPlanner.SweepIdOf(sweep.Fingerprint);
            using var span = SweepTelemetry.StartSweep(id, sweep.Spec.Name, ModelCatalog.NameOf(sweep.Spec.Model), sweep.CellCount, sweep.Spec.Realizations);
            var status = await client.StartAsync(sweep, failFast).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(status.SweepId);
            Console.Error.WriteLine($"submitted {sweep.Spec.Name}: {status.Total} cells × {sweep.Spec.Realizations} realisation(s), {status.Done} already stored{(failFast ? ", fail-fast" : "")}");
            Console.Error.WriteLine($"follow it with: sweep watch {status.SweepId} --cluster {parse.GetValue(cluster.Cluster)}");
            return ExitCodes.Success;
        }, cancellationToken).ConfigureAwait(false);
    }
}
