using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Loads a sweep spec (JSON, camelCase; see sweep-spec.schema.json and <see cref="SpecSchema"/>) and validates it
/// completely before any work starts.
/// </summary>
/// <remarks>
/// Comments (<c>//</c>, <c>/* */</c>) and trailing commas are accepted, since specs are written by hand. Every
/// problem is collected and reported together in one <see cref="SpecValidationException"/>; each
/// <see cref="SpecError"/> names its field as a JSON path and says how to fix it. The memory check assumes
/// the given <see cref="MachineProfile"/> (default <see cref="MachineProfile.Current"/>) runs the cells.
/// </remarks>
public static class SpecLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <exception cref="SpecValidationException">The file cannot be read, or the spec is invalid.</exception>
    public static ValidatedSweep Load(string path, MachineProfile? machine = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpecValidationException(path, [new SpecError("$", $"cannot be read: {e.Message}", "check the path and the file's permissions")]);
        }

        return Parse(json, path, machine);
    }

    /// <param name="json">The spec text.</param>
    /// <param name="sourceName">A label for messages, usually the file name.</param>
    /// <param name="machine">The machine the memory check assumes; default <see cref="MachineProfile.Current"/>.</param>
    /// <exception cref="SpecValidationException">The spec is not valid JSON or breaks any rule.</exception>
    public static ValidatedSweep Parse(string json, string sourceName, MachineProfile? machine = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new SpecValidationException(sourceName, [new SpecError("$", $"is not valid JSON: {e.Message}", "fix the JSON syntax at the line and byte position shown (lines count from 0)")]);
        }

        using (document)
        {
            var errors = new SpecErrorList();
            var (spec, memory) = SpecReader.Read(document.RootElement, errors, machine ?? MachineProfile.Current);
            if (spec is null || memory is null || errors.Count > 0)
            {
                throw new SpecValidationException(sourceName, [.. errors.Items]);
            }

            return new ValidatedSweep(sourceName, spec, memory);
        }
    }
}
