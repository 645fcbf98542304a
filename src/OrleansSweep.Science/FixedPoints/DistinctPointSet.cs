using System.Numerics.Tensors;

namespace OrleansSweep.Science.FixedPoints;

/// <summary>
/// Converged starts merged into distinct points: two states are the same point when ‖x_a − x_b‖₂/√dim is below the
/// duplicate tolerance (§C); the lower-residual representative is kept and hits are counted (for Good–Turing).
/// </summary>
/// <remarks>Linear scan, O(points·dim) per insertion: the point counts of §E (≤ 10⁴) keep this negligible next to Newton.</remarks>
internal sealed class DistinctPointSet(int dimension, double tolerance)
{
    private readonly double threshold = tolerance * Math.Sqrt(dimension);
    private readonly List<Entry> entries = [];

    public int Count => entries.Count;

    public IReadOnlyList<Entry> Entries => entries;

    public void Add(ReadOnlySpan<double> state, double residual, double positionError)
    {
        foreach (var entry in entries)
        {
            if (TensorPrimitives.Distance(state, entry.State) < threshold)
            {
                entry.Hits++;
                if (residual < entry.Residual)
                {
                    state.CopyTo(entry.State);
                    entry.Residual = residual;
                    entry.PositionError = positionError;
                }

                return;
            }
        }

        entries.Add(new Entry(state.ToArray(), residual, positionError));
    }

    /// <summary>Number of points hit exactly <paramref name="hits"/> times.</summary>
    public int CountWithHits(int hits) => entries.Count(e => e.Hits == hits);

    internal sealed class Entry(double[] state, double residual, double positionError)
    {
        public double[] State { get; } = state;

        public double Residual { get; set; } = residual;

        public double PositionError { get; set; } = positionError;

        public int Hits { get; set; } = 1;
    }
}
