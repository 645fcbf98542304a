using System.CommandLine;
using OrleansSweep.Client.Cluster;
using OrleansSweep.Contracts;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep status ID --cluster …</c>: one look at a sweep's progress.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = SweepIdArgument.Create();
        var cluster = new ClusterArguments();
        var command = new Command("status", "Print a cluster sweep's progress once.") { id };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => SweepIdArgument.Parse(parse.GetValue(id)!) is { } sweepId
            ? cluster.RunAsync(parse, async (client, timeout) =>
            {
                var status = await client.StatusAsync(sweepId).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
                Console.WriteLine(StatusText.Render(status));
                return status.State == SweepStates.Unknown ? ExitCodes.NotFound : ExitCodes.Success;
            }, cancellationToken)
            : Task.FromResult(ExitCodes.InvalidInput));
        return command;
    }
}
