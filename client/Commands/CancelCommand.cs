using System.CommandLine;
using OrleansSweep.Client.Cluster;
using OrleansSweep.Contracts;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep cancel ID --cluster …</c>: stops a sweep; its stored cells stay, and submitting it again resumes.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = SweepIdArgument.Create();
        var cluster = new ClusterArguments();
        var command = new Command("cancel", "Cancel a cluster sweep: running cells stop, stored cells stay; submit the spec again to resume.") { id };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => SweepIdArgument.Parse(parse.GetValue(id)!) is { } sweepId
            ? cluster.RunAsync(parse, async (client, timeout) =>
            {
                var status = await client.CancelAsync(sweepId, "cancelled by sweep cancel").WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
                Console.WriteLine(StatusText.Render(status));
                return status.State == SweepStates.Unknown ? ExitCodes.NotFound : ExitCodes.Success;
            }, cancellationToken)
            : Task.FromResult(ExitCodes.InvalidInput));
        return command;
    }
}
