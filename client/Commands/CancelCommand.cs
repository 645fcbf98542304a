using System.CommandLine;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep cancel ID --cluster URI</c>: stops a cluster sweep; finished cells stay stored and a resubmission resumes.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the sweep id printed by sweep submit" };
        var cluster = new ClusterArguments();
        var command = new Command("cancel",
            "Cancel a cluster sweep: running cells stop through their cancellation tokens (nothing half-written), queued ones are dropped. " +
            "Finished cells stay stored; submitting the same spec again resumes.") { id };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cluster, parse.GetValue(id), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ClusterArguments cluster, string? idText, CancellationToken cancellationToken)
    {
        if (ClusterArguments.SweepId(idText, Console.Error) is not { } sweepId)
        {
            return ExitCodes.InvalidInput;
        }

        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            await client.CancelAsync(sweepId, cancellationToken).ConfigureAwait(false);
            // Wait (bounded) until the coordinator reports the sweep stopped and no silo is still computing its cells.
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var status = await client.StatusAsync(sweepId, timeout, cancellationToken).ConfigureAwait(false);
                if (status is null)
                {
                    return ClusterArguments.NoCoordinator(client, timeout);
                }

                if (status.State == "unknown")
                {
                    Console.Error.WriteLine($"the coordinator does not know sweep {sweepId}. Fix: check the id (sweep submit prints it).");
                    return ExitCodes.NotFound;
                }

                var settled = status.State != "running" && status.Running == 0;
                if (settled || DateTime.UtcNow >= deadline)
                {
                    Console.WriteLine(settled
                        ? $"{status.State}: {status.Done}/{status.Total} cells stored, no cell running. Submit the same spec again to resume."
                        : $"cancel sent; the sweep is {status.State} with {status.Running} cell(s) still stopping (check with sweep status {sweepId}).");
                    return ExitCodes.Success;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
