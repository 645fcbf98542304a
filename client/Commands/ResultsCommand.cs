using System.CommandLine;
using OrleansSweep.Client.Cluster;
using OrleansSweep.Contracts;
using OrleansSweep.Grains.Client;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep results ID --cluster … --out DIR</c>: reads a completed sweep's results and writes its outputs here.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var id = SweepIdArgument.Create();
        var output = new Option<DirectoryInfo>("--out") { Description = "the folder to write the phase map, pictures and report into", Required = true };
        var cluster = new ClusterArguments();
        var command = new Command("results", "Write a completed cluster sweep's phase map, spectra, pictures and report into a folder.") { id, output };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => SweepIdArgument.Parse(parse.GetValue(id)!) is { } sweepId
            ? cluster.RunAsync(parse, (client, timeout) => WriteAsync(client, sweepId, parse.GetValue(output)!.FullName, timeout, cancellationToken), cancellationToken)
            : Task.FromResult(ExitCodes.InvalidInput));
        return command;
    }

    private static async Task<int> WriteAsync(SweepClient client, Guid sweepId, string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var status = await client.StatusAsync(sweepId).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (status.State == SweepStates.Unknown || status.SpecJson is null)
        {
            Console.Error.WriteLine($"error: the cluster does not know sweep {sweepId}: submit its spec first");
            return ExitCodes.NotFound;
        }

        if (status.State != SweepStates.Completed)
        {
            Console.Error.WriteLine($"error: sweep {sweepId} is {status.State} ({status.Done}/{status.Total} cells): wait for it (sweep watch) or submit it again to resume");
            return ExitCodes.NotReady;
        }

        var sweep = SpecLoader.Parse(status.SpecJson, $"sweep {sweepId}");
        try
        {
            OutputGuard.Check(folder, sweep.Fingerprint);
        }
        catch (SpecValidationException exception)
        {
            return SpecErrors.Report(exception, Console.Error);
        }

        Directory.CreateDirectory(folder);
        SweepMarker.For(sweep).Write(folder);
        var results = await client.ReadResultsAsync(sweepId, cancellationToken).ConfigureAwait(false);
        var path = await SweepOutputs.WriteAsync(sweep, folder, results, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"done: {results.Count} cells, {status.Failed} failed");
        Console.WriteLine($"  phase map: {path}");
        Console.WriteLine($"  report:    {Path.Combine(folder, "report.html")}");
        return ExitCodes.Success;
    }
}
