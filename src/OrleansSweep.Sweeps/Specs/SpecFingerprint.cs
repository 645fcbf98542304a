namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The fingerprint of a sweep: a content hash of everything that determines its cells, their indices and their
/// numbers, so that an output folder can tell a resume of the same sweep from a different one.
/// </summary>
/// <remarks>
/// Covered: <see cref="Version"/>, model, n, realizations, seed, every non-swept parameter with defaults filled
/// (writing a default explicitly changes nothing; changing a default in <c>ModelCatalog</c> changes the fingerprint),
/// the grid as its axes in order with their points in order (a range and the equivalent list of values are the
/// same), every analysis with all its knobs, and the refine block when present (absent, it adds nothing, so plain specs keep their fingerprints; it never enters a cell id). Not covered, because they do not change any number: name,
/// description, output and memoryLimitGb. Reordering JSON fields, the culture and the machine change nothing.
/// 32 lowercase hex characters (the first 128 bits of SHA-256), like cell ids. Bump <see cref="Version"/> when the
/// meaning of a spec changes without its text changing (e.g. a changed convention), so old outputs are not resumed.
/// </remarks>
public static class SpecFingerprint
{
    public const string Version = "orleanssweep-spec/v1";

    public static string Compute(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ContentHash.Of(CanonicalSpec.Identity(spec));
    }
}
