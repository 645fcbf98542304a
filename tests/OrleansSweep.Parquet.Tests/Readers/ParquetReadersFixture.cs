using System.Reflection;

namespace OrleansSweep.Parquet.Tests.Readers;

/// <summary>
/// Makes sure the independent readers (npm <c>@duckdb/node-api</c> and <c>hyparquet</c>, pinned in
/// readers/package.json and package-lock.json) are installed: runs <c>npm ci</c> once per test run when
/// node_modules is missing. Fails with a clear message when node or npm is not on the PATH.
/// </summary>
public sealed class ParquetReadersFixture
{
    private static readonly Lazy<NodeReaders> Shared = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public NodeReaders Readers => Shared.Value;

    private static NodeReaders Install()
    {
        var directory = typeof(ParquetReadersFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ParquetReadersDirectory").Value
            ?? throw new InvalidOperationException("The test assembly does not say where the readers folder is.");
        RequireTool("node", "--version", directory);
        if (!IsInstalled(directory))
        {
            RequireTool("npm", "--version", directory);

            // Another test process may install at the same time: serialise on a lock file in the folder.
            using var installLock = AcquireLock(Path.Combine(directory, ".npm-ci.lock"));
            if (!IsInstalled(directory))
            {
                var result = ProcessRunner.Run("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
                if (result.ExitCode != 0 || !IsInstalled(directory))
                {
                    throw new InvalidOperationException(
                        $"`npm ci` in {directory} failed (exit {result.ExitCode}); the Parquet reader tests need the npm registry once.\n{result.StandardError}");
                }
            }
        }

        return new NodeReaders(directory);
    }

    private static bool IsInstalled(string directory) =>
        File.Exists(Path.Combine(directory, "node_modules", "@duckdb", "node-api", "package.json")) &&
        File.Exists(Path.Combine(directory, "node_modules", "hyparquet", "package.json"));

    private static void RequireTool(string tool, string argument, string directory)
    {
        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(tool, [argument], directory, TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The Parquet reader tests need Node.js 20+ and npm on the PATH ('{tool}' could not be started: {exception.Message}). " +
                "Install them (Debian: apt-get install nodejs npm) and run the tests again.", exception);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{tool} {argument}' failed (exit {result.ExitCode}): {result.StandardError}");
        }
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
