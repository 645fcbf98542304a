using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Benchmarks.Infrastructure;

/// <summary>The dense-kernel implementations a benchmark is run with: managed always, OpenBLAS when it loads.</summary>
/// <remarks>
/// The environment variable <see cref="FilterVariable"/> (comma list, e.g. <c>openblas</c>) narrows the set, so that a
/// CI-ish run can skip the slow managed variants of the whole-cell benchmarks.
/// </remarks>
public static class KernelSource
{
    public const string FilterVariable = "ORLEANSSWEEP_BENCH_KERNELS";

    public const string ManagedName = "managed";

    public const string OpenBlasName = "openblas";

    /// <summary>The names of the available implementations, OpenBLAS (the reference) first.</summary>
    public static IEnumerable<string> Names()
    {
        var filter = Environment.GetEnvironmentVariable(FilterVariable)?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var all = new List<string>();
        if (DenseKernels.OpenBlas is not null)
        {
            all.Add(OpenBlasName);
        }

        all.Add(ManagedName);
        return filter is null || filter.Length == 0
            ? all
            : all.Where(name => filter.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The implementation called <paramref name="name"/>; throws when it is not available here.</summary>
    public static IDenseKernels Resolve(string name) => name switch
    {
        ManagedName => DenseKernels.Managed,
        OpenBlasName => DenseKernels.OpenBlas
            ?? throw new InvalidOperationException($"OpenBLAS is not available: {DenseKernels.OpenBlasUnavailableReason}"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "use managed or openblas"),
    };
}
