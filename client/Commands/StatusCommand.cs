using System.CommandLine;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep status ID --cluster URI</c>: cells done / running / failed, rate, ETA and per-silo counts.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the sweep id printed by sweep submit" };
        var cluster = new ClusterArguments();
        var command = new Command("status", "Show a cluster sweep's progress: cells done, running and failed, rate, ETA and per-silo counts.") { id };
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
            var status = await client.StatusAsync(sweepId, timeout, cancellationToken).ConfigureAwait(false);
            if (status is null)
            {
                return ClusterArguments.NoCoordinator(client, timeout);
            }

            ClusterStatusText.Write(status, Console.Out);
            return status.State == "unknown" ? ExitCodes.NotFound : ExitCodes.Success;
        }, cancellationToken).ConfigureAwait(false);
    }
}
