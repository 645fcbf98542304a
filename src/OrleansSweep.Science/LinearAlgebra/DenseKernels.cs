namespace OrleansSweep.Science.LinearAlgebra;

/// <summary>
/// Chooses the process-wide <see cref="IDenseKernels"/>: the environment variable
/// <c>ORLEANSSWEEP_KERNELS</c> = <c>managed</c> | <c>openblas</c> | <c>auto</c> (default <c>auto</c>: OpenBLAS when
/// its libraries load, otherwise the managed kernels).
/// </summary>
/// <remarks>
/// The choice is made once, lazily, at the first access to <see cref="Default"/>, and never changes afterwards, so
/// every result of a process is computed (and labelled, via <see cref="Describe()"/>) with the same kernels.
/// Forcing <c>openblas</c> on a machine without the libraries is a configuration error: <see cref="Default"/>
/// then throws <see cref="InvalidOperationException"/> naming the variable and the Debian packages to install.
/// </remarks>
public static class DenseKernels
{
    /// <summary>The environment variable read by <see cref="Default"/>.</summary>
    public const string EnvironmentVariable = "ORLEANSSWEEP_KERNELS";

    /// <summary>The Debian/Ubuntu packages that provide the native kernels.</summary>
    public const string NativePackages = "libopenblas0-pthread liblapacke";

    private static readonly Lazy<(OpenBlasDenseKernels? Kernels, string? Failure)> openBlas = new(() =>
    {
        var kernels = OpenBlasDenseKernels.TryCreate(out var failure);
        return (kernels, failure);
    });

    private static readonly Lazy<IDenseKernels> defaultKernels = new(CreateDefault);

    /// <summary>The kernels every analysis uses unless it is handed others explicitly.</summary>
    /// <exception cref="InvalidOperationException">The setting is unknown, or forces OpenBLAS and it cannot be loaded.</exception>
    public static IDenseKernels Default => defaultKernels.Value;

    /// <summary>The portable managed kernels (always available).</summary>
    public static IDenseKernels Managed { get; } = new ManagedDenseKernels();

    /// <summary>The OpenBLAS/LAPACKE kernels, or null when the native libraries cannot be loaded on this machine.</summary>
    public static IDenseKernels? OpenBlas => openBlas.Value.Kernels;

    /// <summary>Why <see cref="OpenBlas"/> is null (null when it loaded).</summary>
    public static string? OpenBlasUnavailableReason => openBlas.Value.Failure;

    /// <summary>A line for logs and result metadata describing <see cref="Default"/>,
    /// e.g. "openblas (libopenblas.so.0 + liblapacke.so.3, 1 thread, OpenBLAS 0.3.21 …)".</summary>
    public static string Describe() => Describe(Default);

    /// <summary>A line for logs and result metadata describing <paramref name="kernels"/>.</summary>
    public static string Describe(IDenseKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        return kernels switch
        {
            OpenBlasDenseKernels native => native.Description,
            ManagedDenseKernels => ManagedDenseKernels.Description,
            _ => kernels.Name,
        };
    }

    /// <summary>
    /// The pure selection rule behind <see cref="Default"/>: <paramref name="setting"/> is the value of
    /// <c>ORLEANSSWEEP_KERNELS</c> (case-insensitive, surrounding blanks ignored; null or empty means "auto").
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is not managed/openblas/auto, or it is "openblas"
    /// and <paramref name="openBlasAvailable"/> is false.</exception>
    public static DenseKernelKind Choose(string? setting, bool openBlasAvailable) => Choose(setting, openBlasAvailable, null);

    private static IDenseKernels CreateDefault()
    {
        var (native, failure) = openBlas.Value;
        var kind = Choose(Environment.GetEnvironmentVariable(EnvironmentVariable), native is not null, failure);
        return kind == DenseKernelKind.OpenBlas && native is not null ? native : Managed;
    }

    internal static DenseKernelKind Choose(string? setting, bool openBlasAvailable, string? unavailableReason)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? "auto" : setting.Trim().ToLowerInvariant();
        switch (value)
        {
            case "managed":
                return DenseKernelKind.Managed;
            case "auto":
                return openBlasAvailable ? DenseKernelKind.OpenBlas : DenseKernelKind.Managed;
            case "openblas" when openBlasAvailable:
                return DenseKernelKind.OpenBlas;
            case "openblas":
                throw new InvalidOperationException(
                    $"{EnvironmentVariable}=openblas, but the OpenBLAS/LAPACKE libraries could not be loaded"
                    + (unavailableReason is null ? "." : $" ({unavailableReason}).")
                    + $" Install them (Debian/Ubuntu: apt-get install -y {NativePackages}),"
                    + $" or set {EnvironmentVariable}=managed or auto to use the managed kernels.");
            default:
                throw new InvalidOperationException(
                    $"{EnvironmentVariable}='{setting}' is not recognised; use managed, openblas or auto (the default).");
        }
    }
}
