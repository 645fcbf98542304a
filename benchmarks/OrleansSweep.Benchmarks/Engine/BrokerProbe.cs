using System.Globalization;
using System.Runtime.InteropServices;
using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Engine;

/// <summary>
/// The cluster engine over a real RabbitMQ (issue 7: ≤ 5 ms overhead per trivial cell; 2 silo processes on 2 cores
/// ≥ 1.8× one for real cells): <c>broker [cells=1000] [realCells=64] [n=128] [realizations=2] [repeats=3]</c>.
/// </summary>
/// <remarks>
/// Starts a private RabbitMQ node on a free 127.0.0.1 port with its own data folder, then <see cref="BrokerOverhead"/>
/// (skipped when cells = 0) and <see cref="BrokerScaling"/> (skipped when realCells = 0), then stops everything: silo
/// processes and the broker are stopped in <c>finally</c> blocks, also on failure, Ctrl-C or SIGTERM. The scratch
/// folder (logs, stores) is deleted after a successful run and kept, with its path printed, after a failure.
/// Needs the built silo (<c>dn build silo -c Release</c>) and Debian's rabbitmq-server.
/// </remarks>
internal static class BrokerProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cells = Argument(args, 0, 1000);
        var realCells = Argument(args, 1, 64);
        var n = Argument(args, 2, 128);
        var realizations = Argument(args, 3, 2);
        var repeats = Argument(args, 4, 3);
        if (cells < 0 || realCells < 0 || n < 2 || realizations < 1 || repeats < 1)
        {
            Console.Error.WriteLine("usage: broker [cells=1000 (0: skip)] [realCells=64 (0: skip)] [n=128] [realizations=2] [repeats=3]");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        // Ctrl-C or SIGTERM unwinds through the finally blocks below instead of ending the process with silos alive.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        BrokerFiles files;
        try
        {
            files = BrokerFiles.Locate();
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"broker probe: {exception.Message}");
            return 1;
        }

        var differing = files.DifferingAssemblies();
        BrokerReport.Note($"broker probe: kernels {DenseKernels.Describe()}, {Environment.ProcessorCount} cores, silo {files.Silo}, load {BrokerReport.LoadAverage()}");
        if (differing.Count > 0)
        {
            // Deterministic builds differ by the commit id in the informational version too, so this is a note.
            BrokerReport.Note($"note: the silo's {string.Join(", ", differing)} are another build than this one's; if the sources changed, run `dn build silo -c Release` after the benchmarks");
        }

        var folder = Directory.CreateTempSubdirectory("orleanssweep-brokerprobe-").FullName;
        var succeeded = false;
        try
        {
            await using (var node = await BrokerNode.StartAsync(files.BrokerScript, Path.Combine(folder, "broker"), stop.Token))
            {
                BrokerReport.Note($"RabbitMQ on 127.0.0.1:{node.Port}, scratch {folder}");
                if (cells > 0)
                {
                    await BrokerOverhead.RunAsync(node, files, folder, cells, repeats, stop.Token);
                }

                if (realCells > 0)
                {
                    await BrokerScaling.RunAsync(node, files, folder, realCells, n, realizations, repeats, stop.Token);
                }
            }

            succeeded = true;
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("# broker probe: interrupted; silos and broker stopped");
            return 130;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
        {
            Console.Error.WriteLine($"broker probe failed: {exception.Message}");
            return 1;
        }
        finally
        {
            if (succeeded)
            {
                TryDelete(folder);
            }
            else
            {
                Console.Error.WriteLine($"# broker probe: logs kept in {folder}");
            }
        }
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"# broker probe: could not delete {folder} ({exception.Message})");
        }
    }
}
