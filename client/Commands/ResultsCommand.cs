using System.CommandLine;
using OrleansSweep.Contracts;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep results ID --cluster URI --out DIR</c>: fetches a completed sweep's phase map, pictures and report.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "the sweep id printed by sweep submit" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "folder to write the outputs into (default: out/<spec name>)" };
        var cluster = new ClusterArguments();
        var command = new Command("results",
            "Download a completed cluster sweep's outputs: phase_map.parquet, lyapunov_spectra.parquet, SVG heat maps and report.html.") { id, output };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cluster, parse.GetValue(id), parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ClusterArguments cluster, string? idText, DirectoryInfo? output, CancellationToken cancellationToken)
    {
        if (ClusterArguments.SweepId(idText, Console.Error) is not { } sweepId)
        {
            return ExitCodes.InvalidInput;
        }

        return await cluster.RunAsync(parse, async (client, timeout) =>
        {
            // Outputs can be megabytes: give the coordinator more time to read and send them than a status.
            var results = await client.ResultsAsync(sweepId, timeout * 6, cancellationToken).ConfigureAwait(false);
            if (results is null)
            {
                return ClusterArguments.NoCoordinator(client, timeout * 6);
            }

            if (!results.Ready)
            {
                Console.Error.WriteLine($"not ready: {results.Reason}");
                return results.Fingerprint is null ? ExitCodes.NotFound : ExitCodes.NotReady;
            }

            return Write(results, output);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static int Write(SweepResults results, DirectoryInfo? output)
    {
        ValidatedSweep sweep;
        string folder;
        try
        {
            // The coordinator computes no cells, so no memory check here either (hence the roomy machine profile).
            sweep = SpecLoader.Parse(results.SpecJson!, "the coordinator's spec", new MachineProfile(1, long.MaxValue / 4));
            folder = output?.FullName ?? Path.GetFullPath(Path.Combine("out", sweep.Spec.Name));
            OutputGuard.Check(folder, results.Fingerprint!);
        }
        catch (SpecValidationException exception)
        {
            return SpecErrors.Report(exception, Console.Error);
        }

        SweepMarker.For(sweep).Write(folder);
        foreach (var file in results.Files)
        {
            if (Path.GetFileName(file.Name) != file.Name || file.Name is "." or "..")
            {
                Console.Error.WriteLine($"skipped '{file.Name}': not a plain file name");
                continue;
            }

            // Through a temporary sibling and a rename: a reader never sees half a file.
            var path = Path.Combine(folder, file.Name);
            var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
            File.WriteAllBytes(temporary, file.Content);
            File.Move(temporary, path, overwrite: true);
            Console.WriteLine($"  {path} ({file.Content.Length} bytes)");
        }

        Console.WriteLine($"sweep {results.SweepId}: {results.Files.Count} file(s) in {folder}");
        return ExitCodes.Success;
    }
}
