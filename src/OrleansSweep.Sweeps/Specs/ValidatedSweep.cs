namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// A spec that passed every check of <see cref="SpecLoader"/>: it can be expanded into cells and run. Carries the
/// canonical form and the fingerprint that identify it in its output folder, and the memory estimate it passed.
/// </summary>
public sealed class ValidatedSweep
{
    internal ValidatedSweep(string sourceName, SweepSpec spec, MemoryEstimate memory)
    {
        SourceName = sourceName;
        Spec = spec;
        Memory = memory;
        Fingerprint = SpecFingerprint.Compute(spec);
        CanonicalJson = CanonicalSpec.Render(spec);
    }

    /// <summary>The file name (or label) the spec was loaded from.</summary>
    public string SourceName { get; }

    public SweepSpec Spec { get; }

    /// <summary>See <see cref="SpecFingerprint"/>: equal for specs that compute the same cells.</summary>
    public string Fingerprint { get; }

    /// <summary>The spec with every default explicit, in canonical order (what the output marker stores).</summary>
    public string CanonicalJson { get; }

    /// <summary>The peak-memory estimate that validation compared with the limit.</summary>
    public MemoryEstimate Memory { get; }

    /// <summary>The number of cells (≤ <see cref="SweepSpec.MaxCells"/>).</summary>
    public int CellCount => (int)Spec.CellCount;
}
