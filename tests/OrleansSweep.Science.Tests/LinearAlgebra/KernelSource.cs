using OrleansSweep.Science.LinearAlgebra;

namespace OrleansSweep.Science.Tests.LinearAlgebra;

/// <summary>
/// Theory data over the kernels available on this machine: "managed" always, "openblas" when its libraries load
/// (CI installs them; a developer machine without them still runs every test against the managed kernels).
/// </summary>
public static class KernelSource
{
    /// <summary>The names of the kernels available here.</summary>
    public static IReadOnlyList<string> Names =>
        DenseKernels.OpenBlas is null ? ["managed"] : ["managed", "openblas"];

    public static TheoryData<string> Available => new(Names);

    public static IDenseKernels Get(string name) => name switch
    {
        "managed" => DenseKernels.Managed,
        "openblas" => DenseKernels.OpenBlas
            ?? throw new InvalidOperationException($"OpenBLAS is not loadable: {DenseKernels.OpenBlasUnavailableReason}"),
        "mathnet" => MathNetReferenceKernels.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown kernels"),
    };
}
