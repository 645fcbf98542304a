using System.CommandLine;
using OrleansSweep.Sweeps.Coordination;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep plot PARQUET --metric M [--x A --y B] [-o FILE]</c>: an SVG heat map (two axes) or line plot (one axis) of any metric.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("parquet") { Description = "a phase_map.parquet written by sweep run" };
        var metric = new Option<string>("--metric") { Description = "the column to draw (e.g. lyapunov_max, spectral_radius, theory_lyapunov_max)", Required = true };
        var x = new Option<string?>("--x") { Description = "x axis parameter (default: the first grid axis)" };
        var y = new Option<string?>("--y") { Description = "y axis parameter (default: the second grid axis)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "SVG file to write (default: <metric>.svg beside the Parquet file)" };
        var command = new Command("plot", "Draw a metric as SVG: a heat map over two grid axes (λ_max = 0 contour, theory lines) or a line plot over one (±SEM, theory).")
        {
            file, metric, x, y, output,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(file)!, parse.GetValue(metric)!, parse.GetValue(x), parse.GetValue(y), parse.GetValue(output), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        FileInfo file, string metric, string? x, string? y, FileInfo? output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"parquet: '{file.FullName}' does not exist. Fix: pass the phase_map.parquet of a finished sweep.");
            return ExitCodes.InvalidInput;
        }

        ParquetTableContents data;
        try
        {
            data = await ParquetTableReader.ReadAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            stderr.WriteLine($"parquet: '{file.FullName}' is not a readable Parquet file ({exception.Message}).");
            return ExitCodes.InvalidInput;
        }

        if (!data.Metadata.TryGetValue(PhaseMapMetadata.SpecKey, out var specJson))
        {
            stderr.WriteLine($"parquet: '{file.Name}' has no {PhaseMapMetadata.SpecKey} metadata, so it was not written by sweep run.");
            return ExitCodes.InvalidInput;
        }

        var plan = SweepPlanner.Plan(SpecLoader.Parse(specJson, file.Name), file.DirectoryName ?? ".", cancellationToken);
        var map = new PhaseMap(data.Columns, data.Rows, []);
        foreach (var (option, value) in new[] { ("--x", x), ("--y", y) })
        {
            if (value is not null && plan.Axes.All(a => a.Parameter != value))
            {
                stderr.WriteLine($"{option}: '{value}' is not a grid axis. Fix: use one of {string.Join(", ", plan.Axes.Select(a => a.Parameter))}.");
                return ExitCodes.InvalidInput;
            }
        }

        if (map.Find(metric) is null)
        {
            var numeric = map.Columns.Where(c => c.Type != ColumnType.Utf8).Select(c => c.Name);
            stderr.WriteLine($"--metric: '{metric}' is not a column of {file.Name}. Fix: use one of {string.Join(", ", numeric)}.");
            return ExitCodes.InvalidInput;
        }

        var svg = PhaseMapPlots.Render(map, plan, metric, x, y);
        if (svg is null)
        {
            stderr.WriteLine($"--metric: '{metric}' has no finite value in this slice, or the slice is a single cell; nothing to draw (report.html shows single cells as a table).");
            return ExitCodes.InvalidInput;
        }

        var path = output?.FullName ?? Path.Combine(file.DirectoryName ?? ".", metric + ".svg");
        AtomicFile.WriteAllText(path, svg);
        stdout.WriteLine(path);
        return ExitCodes.Success;
    }
}
