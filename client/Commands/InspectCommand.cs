using System.CommandLine;
using OrleansSweep.Sweeps.Output;
using OrleansSweep.Sweeps.Output.ParquetFiles;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep inspect PARQUET</c>: schema, row count, row groups and key-value metadata of a phase map.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("parquet") { Description = "a Parquet file written by sweep run" };
        var showSpec = new Option<bool>("--spec") { Description = "also print the full spec stored in the metadata" };
        var command = new Command("inspect", "Show a Parquet file's schema, row count and metadata.") { file, showSpec };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(showSpec), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(FileInfo file, bool showSpec, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"parquet: '{file.FullName}' does not exist. Fix: pass the phase_map.parquet of a finished sweep.");
            return ExitCodes.InvalidInput;
        }

        ParquetTableContents info;
        try
        {
            info = await ParquetTableReader.ReadFooterAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            stderr.WriteLine($"parquet: '{file.FullName}' is not a readable Parquet file ({exception.Message}).");
            return ExitCodes.InvalidInput;
        }

        stdout.WriteLine($"{file.Name}: {info.Rows} rows, {info.Columns.Count} columns, {info.RowGroups} row group(s), {file.Length} bytes, created by {info.CreatedBy}");
        stdout.WriteLine("schema:");
        foreach (var column in info.Columns)
        {
            stdout.WriteLine($"  {column.Name,-40} {column.Type}{(column.Nullable ? " (nullable)" : "")}");
        }

        stdout.WriteLine("metadata:");
        foreach (var (key, value) in info.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (key == PhaseMapMetadata.SpecKey && !showSpec)
            {
                stdout.WriteLine($"  {key} = ({value.Length} characters; --spec prints it)");
                continue;
            }

            stdout.WriteLine($"  {key} = {value}");
        }

        return ExitCodes.Success;
    }
}
