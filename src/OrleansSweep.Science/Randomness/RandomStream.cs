namespace OrleansSweep.Science.Randomness;

/// <summary>
/// A counter-based random stream: value i is a pure function of (key, i), so any element can be
/// regenerated without replaying the stream, and results never depend on thread or worker.
/// </summary>
/// <remarks>
/// The generator is SplitMix64's finaliser applied to key ⊕ (counter · golden gamma), followed by a second
/// keyed round; it passes the usual statistical batteries for this use and costs ~2 ns per draw.
/// Gaussian draws use the polar-free Box–Muller transform on two uniforms (both outputs used), so a
/// stream of Gaussians is also a pure function of its counter. Not cryptographic. Not thread-safe:
/// give each thread its own stream (or a <see cref="Fork"/>).
/// </remarks>
public sealed class RandomStream
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double TwoPi = 2.0 * Math.PI;

    private ulong counter;
    private double spareGaussian;
    private bool hasSpare;

    public RandomStream(ulong key, ulong start = 0)
    {
        Key = key;
        counter = start;
    }

    /// <summary>The stream's key (derived from seed, cell, realisation and role).</summary>
    public ulong Key { get; }

    /// <summary>The index of the next 64-bit draw.</summary>
    public ulong Position => counter;

    /// <summary>The 64-bit value at position <paramref name="index"/> of the stream with key <paramref name="key"/>.</summary>
    public static ulong At(ulong key, ulong index)
    {
        var z = Mix(key + (index + 1) * Gamma);
        return Mix(z ^ key ^ 0xD6E8FEB86659FD93UL);
    }

    /// <summary>An independent child stream labelled by <paramref name="label"/> (e.g. a time step or a start index).</summary>
    public RandomStream Fork(ulong label) => new(Mix(Key ^ Mix(label + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64() => At(Key, counter++);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1], safe for logarithms.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw.</summary>
    public double NextGaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareGaussian;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextDoubleNonZero()));
        var angle = TwoPi * NextDouble();
        spareGaussian = radius * Math.Sin(angle);
        hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="destination"/> with N(mean, standardDeviation²) draws.</summary>
    public void FillGaussian(Span<double> destination, double standardDeviation = 1.0, double mean = 0.0)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = mean + standardDeviation * NextGaussian();
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
