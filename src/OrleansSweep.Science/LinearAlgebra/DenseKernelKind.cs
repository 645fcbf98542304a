namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>Which <see cref="IDenseKernels"/> implementation <see cref="DenseKernels.Default"/> uses.</summary>
public enum DenseKernelKind
{
    /// <summary>The portable C# kernels (<see cref="ManagedDenseKernels"/>).</summary>
    Managed,

    /// <summary>The system's OpenBLAS and LAPACKE through P/Invoke (<see cref="OpenBlasDenseKernels"/>).</summary>
    OpenBlas,
}
