namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The JSON Schema (draft 2020-12) of sweep specs, embedded from Specs/sweep-spec.schema.json: every field, its
/// type, default and meaning. The loader is the authority; the schema serves editors and documentation.
/// </summary>
public static class SpecSchema
{
    public const string FileName = "sweep-spec.schema.json";
    public const string ResourceName = "OrleansSweep.Sweeps.Specs.sweep-spec.schema.json";

    private static readonly Lazy<string> Content = new(ReadResource);

    /// <summary>The schema text.</summary>
    public static string Text => Content.Value;

    private static string ReadResource()
    {
        using var stream = typeof(SpecSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
