namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>Threads inside each BLAS call, where the kernels have them (OpenBLAS); the managed kernels run on the caller's thread.</summary>
public static class BlasThreads
{
    /// <summary>Sets the threads per BLAS call of <paramref name="kernels"/>; false when those kernels have none to set.</summary>
    /// <remarks>Process-wide for OpenBLAS: see <see cref="OpenBlasDenseKernels.Threads"/> for who may raise it.</remarks>
    public static bool TrySet(IDenseKernels kernels, int threads)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        if (kernels is not OpenBlasDenseKernels native)
        {
            return false;
        }

        native.Threads = threads;
        return true;
    }

    /// <summary>
    /// BLAS threads for each of <paramref name="realizations"/> realisations run at once on <paramref name="cores"/>
    /// cores: realisations first (they scale perfectly), then what is left over goes inside each BLAS call.
    /// </summary>
    public static int Share(int cores, int realizations) =>
        realizations >= cores ? 1 : Math.Max(1, cores / Math.Max(1, realizations));
}
