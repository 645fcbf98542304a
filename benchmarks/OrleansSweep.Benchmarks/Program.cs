using BenchmarkDotNet.Running;
using OrleansSweep.Benchmarks.Cells;
using OrleansSweep.Benchmarks.Engine;
using OrleansSweep.Benchmarks.Infrastructure;

// Probes outside BenchmarkDotNet (they start hosts or need CPU time next to wall time):
//   engine [cells=1000] [memoryCells=10000]      engine overhead per trivial cell and memory over a long sweep
//   throughput [cells=64] [realizations=2] [n=128] the whole-sweep Lyapunov comparison with NumPy
//   lyapunov [repeats=5] [k=256]                  the Lyapunov cell, wall and CPU time
//   broker [cells=1000] [realCells=64] [n=128] [realizations=2] [repeats=3]
//                                                 over a private RabbitMQ on 127.0.0.1 with silo processes: overhead
//                                                 per trivial cell, and 1 vs 2 worker silos on real cells
//                                                 (0 cells or realCells skips a part)
// Everything else goes to BenchmarkDotNet, e.g. `--filter '*Gemm*'` or `--list flat`.
return args.FirstOrDefault() switch
{
    "engine" => await EngineProbe.RunAsync(args[1..]),
    "throughput" => await SweepThroughput.RunAsync(args[1..]),
    "lyapunov" => LyapunovCpuProbe.Run(args[1..]),
    "broker" => await BrokerProbe.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
    return 0;
}
