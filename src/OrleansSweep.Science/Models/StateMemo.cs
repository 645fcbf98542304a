using System.Runtime.InteropServices;

namespace OrleansSweep.Science.Models;

/// <summary>
/// The point (t, x) at which a model last computed its per-state statistics (activations, gates, pre-activations), so
/// that the tangent map and the state step at the same point — the two halves of every Lyapunov step — compute them
/// once: at k = 1 that saves a third of the step (one of three GEMVs for the discrete networks, N transcendental
/// functions for the rate network).
/// </summary>
/// <remarks>
/// The comparison is bit for bit on a private copy of x (O(N), a vectorised memcmp), so any change of the caller's
/// values — in place or in another buffer — is seen, and a hit returns exactly what a recomputation would. Record only
/// after the statistics are complete. Not thread-safe, like the models that own it.
/// </remarks>
internal sealed class StateMemo(int dimension)
{
    private readonly long[] bits = new long[dimension];
    private long step;
    private bool valid;

    /// <summary>Whether the statistics last recorded were computed at exactly (<paramref name="t"/>, <paramref name="x"/>).</summary>
    public bool Holds(long t, ReadOnlySpan<double> x) =>
        valid && t == step && MemoryMarshal.Cast<double, long>(x[..bits.Length]).SequenceEqual(bits);

    /// <summary>Marks the statistics as those of (<paramref name="t"/>, <paramref name="x"/>).</summary>
    public void Record(long t, ReadOnlySpan<double> x)
    {
        MemoryMarshal.Cast<double, long>(x[..bits.Length]).CopyTo(bits);
        step = t;
        valid = true;
    }
}
