using System.Diagnostics;
using System.Globalization;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Science.LinearAlgebra;
using OrleansSweep.Science.Lyapunov;
using OrleansSweep.Science.Randomness;

namespace OrleansSweep.Benchmarks.Cells;

/// <summary>
/// The Lyapunov cell of <see cref="LyapunovCellBenchmarks"/> timed by wall clock <b>and</b> process CPU time, so that a
/// run on a machine shared with other jobs can be compared with the NumPy peer on CPU time, which preemption does not
/// inflate. One JSON line per kernel implementation.
/// </summary>
internal static class LyapunovCpuProbe
{
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var k = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        const int n = 256;
        const int steps = 2000;
        foreach (var name in KernelSource.Names())
        {
            var kernels = KernelSource.Resolve(name);
            var network = Networks.Rate(n, 2.0, 0.1, kernels);
            var options = new LyapunovOptions
            {
                Exponents = k, TransientTime = 0, BasisWarmupTime = 0, AveragingTime = steps * 0.1,
                OrthonormalizationInterval = 1.0, Windows = 10, Twin = false,
            };
            LyapunovResult Once() => LyapunovAnalysis.Run(network, new RandomStream(1), new RandomStream(2), new RandomStream(3), options, kernels, CancellationToken.None);
            var result = Once();
            var walls = new List<double>();
            var cpus = new List<double>();
            for (var r = 0; r < repeats; r++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                Once();
                walls.Add(clock.Elapsed.TotalSeconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            var wall = Median(walls);
            var cpuMedian = Median(cpus);
            var flops = 2.0 * n * n * k * steps;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"bench\": \"dotnet_lyapunov_rate\", \"kernels\": \"{name}\", \"n\": {n}, \"k\": {k}, \"steps\": {result.Steps}, \"median_s\": {wall:F4}, \"median_cpu_s\": {cpuMedian:F4}, \"gflops\": {flops / wall / 1e9:F2}, \"gflops_cpu\": {flops / cpuMedian / 1e9:F2}, \"lambda_max\": {result.MaxExponent:F4}, \"sum\": {result.Sum:F4}, \"volume_rate\": {result.VolumeGrowthRate:F4}, \"describe\": \"{DenseKernels.Describe(kernels)}\"}}"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
