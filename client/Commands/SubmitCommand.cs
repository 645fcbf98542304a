using System.CommandLine;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep submit SPEC --cluster URI</c>: validates locally, hands the sweep to the cluster and prints its id at once.</summary>
internal static class SubmitCommand
{
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
        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            // The coordinator picks the output folder (<data>/<sweep id>); sweep results fetches the outputs.
            await client.SubmitAsync(new StartSweep(sweepId, sweep.CanonicalJson, "", failFast), cancellationToken).ConfigureAwait(false);
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
