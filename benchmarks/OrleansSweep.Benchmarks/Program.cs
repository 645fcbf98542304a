using BenchmarkDotNet.Running;
using OrleansSweep.Benchmarks.Cells;
using OrleansSweep.Benchmarks.Cluster;
using OrleansSweep.Benchmarks.Engine;
using OrleansSweep.Benchmarks.Infrastructure;
using OrleansSweep.Benchmarks.Refinement;

// Probes outside BenchmarkDotNet (they start hosts or need CPU time next to wall time):
//   engine [cells=1000] [memoryCells=100000]     embedded silo (SQLite storage): overhead per trivial cell, cold start,
//                                                 memory over a long sweep (0 memoryCells skips it)
//   storage [cells=5000]                          SQLite grain storage, per-write vs group commit: wall and CPU per cell
//   throughput [cells=64] [realizations=2] [n=128] real Lyapunov cells on the embedded silo, all cores (vs NumPy)
//   lyapunov [repeats=5] [k=256]                  the Lyapunov cell, wall and CPU time
//   cluster [cells=1000] [realCells=64] [n=128] [realizations=2] [repeats=3] [failover=1]
//                                                 a private Redis on 127.0.0.1 and orleanssweep-silo processes: overhead
//                                                 per trivial cell on 1 and 2 silos, real cells on 1 vs 2 silos, kill -9
//                                                 of a silo (0 cells or realCells skips a part)
//   refinement [n=60] [depth=4] [realizations=2] [steps=3000] [rows=0] [keep=0] [shared=0]
//                                                 issue 16 on the gated RNN (S1 slice): a coarse 8 × 6 grid refined to
//                                                 depth 4 against the uniform grid at the finest spacing
// Everything else goes to BenchmarkDotNet, e.g. `--filter '*Gemm*'` or `--list flat`.
return args.FirstOrDefault() switch
{
    "engine" => await EngineProbe.RunAsync(args[1..]),
    "storage" => await OrleansSweep.Benchmarks.Engine.Storage.StorageProbe.RunAsync(args[1..]),
    "throughput" => await SweepThroughput.RunAsync(args[1..]),
    "lyapunov" => LyapunovCpuProbe.Run(args[1..]),
    "cluster" => await ClusterProbe.RunAsync(args[1..]),
    "refinement" => await RefinementProbe.RunAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, new BenchConfig());
    return 0;
}
