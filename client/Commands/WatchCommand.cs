using System.CommandLine;
using OrleansSweep.Client.Cluster;
using OrleansSweep.Contracts;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep watch ID --cluster …</c>: live progress until the sweep completes or stops.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var id = SweepIdArgument.Create();
        var cluster = new ClusterArguments();
        var command = new Command("watch", "Follow a cluster sweep until it completes or stops (Ctrl-C stops watching, not the sweep).") { id };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => SweepIdArgument.Parse(parse.GetValue(id)!) is { } sweepId
            ? cluster.RunAsync(parse, (client, timeout) => WatchAsync(client, sweepId, timeout, cancellationToken), cancellationToken)
            : Task.FromResult(ExitCodes.InvalidInput));
        return command;
    }

    private static async Task<int> WatchAsync(Grains.Client.SweepClient client, Guid sweepId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var first = await client.StatusRetryingAsync(sweepId, cancellationToken).ConfigureAwait(false);
        if (first.State == SweepStates.Unknown)
        {
            Console.Error.WriteLine($"error: the cluster does not know sweep {sweepId}: submit its spec first");
            return ExitCodes.NotFound;
        }

        var progress = new ProgressLine(Console.Out);
        try
        {
            var last = await client.WaitAsync(sweepId, progress.Report, TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            progress.Finish();
            Console.WriteLine(StatusText.Render(last));
            return last.State == SweepStates.Completed ? (last.Failed == 0 ? ExitCodes.Success : ExitCodes.CellsFailed) : ExitCodes.Interrupted;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Finish();
            return ExitCodes.Interrupted;
        }
    }
}
