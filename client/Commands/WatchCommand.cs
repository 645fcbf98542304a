using System.CommandLine;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep watch ID --cluster URI</c>: a live progress bar until the sweep ends (polls the coordinator).</summary>
internal static class WatchCommand
{
    /// <summary>Silent polls in a row after which the coordinator counts as gone.</summary>
    private const int MaxMisses = 3;

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the sweep id printed by sweep submit" };
        var interval = new Option<double>("--interval") { Description = "seconds between polls (default 1)", DefaultValueFactory = _ => 1 };
        var maxWait = new Option<double?>("--max-wait") { Description = "stop watching after this many seconds (the sweep goes on); default: until it ends" };
        var cluster = new ClusterArguments();
        var command = new Command("watch",
            "Follow a cluster sweep with a live progress bar until it completes, is cancelled or fails; exit code as sweep run.") { id, interval, maxWait };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse, cluster, parse.GetValue(id), parse.GetValue(interval), parse.GetValue(maxWait), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ClusterArguments cluster, string? idText, double interval, double? maxWait, CancellationToken cancellationToken)
    {
        if (ClusterArguments.SweepId(idText, Console.Error) is not { } sweepId)
        {
            return ExitCodes.InvalidInput;
        }

        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            var pause = TimeSpan.FromSeconds(Math.Clamp(interval, 0.1, 600));
            var started = DateTime.UtcNow;
            var progress = new ProgressLine(Console.Out);
            for (var misses = 0; ;)
            {
                var status = await client.StatusAsync(sweepId, timeout, cancellationToken).ConfigureAwait(false);
                misses = status is null ? misses + 1 : 0;
                if (misses >= MaxMisses)
                {
                    progress.Finish();
                    return ClusterArguments.NoCoordinator(client, timeout);
                }

                // Unknown for a moment right after submit: the start command may still be on its way.
                if (status is { State: "unknown" } && DateTime.UtcNow - started > timeout)
                {
                    Console.Error.WriteLine($"the coordinator does not know sweep {sweepId}. Fix: check the id, or submit the spec.");
                    return ExitCodes.NotFound;
                }

                if (status is { State: not "unknown" })
                {
                    progress.Report(ClusterStatusText.Progress(status));
                    if (status.State != "running")
                    {
                        progress.Finish();
                        ClusterStatusText.Write(status, Console.Out);
                        return ClusterStatusText.ExitCode(status);
                    }
                }

                if (maxWait is { } limit && (DateTime.UtcNow - started).TotalSeconds >= limit)
                {
                    progress.Finish();
                    Console.Error.WriteLine($"stopped watching after {limit:0} s; the sweep goes on (sweep status {sweepId}).");
                    return ExitCodes.Success;
                }

                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
