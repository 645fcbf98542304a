namespace OrleansSweep.Reports;

/// <summary>How metric values map to colours.</summary>
public enum ColorScale
{
    /// <summary><see cref="Diverging"/> when the finite values straddle 0 (min &lt; 0 &lt; max), else <see cref="Sequential"/>.</summary>
    Auto,

    /// <summary>Viridis over [min, max] of the finite values.</summary>
    Sequential,

    /// <summary>Blue–white–red over the symmetric range [−M, M], M = max |value|, so that 0 is the white centre and equal
    /// magnitudes of either sign look equally strong (e.g. λ_max: stable blue, chaotic red).</summary>
    Diverging,

    /// <summary>Viridis over log10 of the positive values (e.g. a timescale ξ spanning decades, science.md §E S10);
    /// values ≤ 0 are drawn as missing.</summary>
    LogSequential,
}
