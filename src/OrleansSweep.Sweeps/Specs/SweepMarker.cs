using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// The marker an output folder holds once a sweep writes there: <c>.orleanssweep/spec.json</c>, containing
/// <c>{"format": "orleanssweep-marker/v1", "fingerprint": "&lt;32 hex&gt;", "spec": {canonical spec}}</c>.
/// <see cref="OutputGuard"/> compares its fingerprint with a new run's to tell a resume from a clash.
/// </summary>
/// <param name="Fingerprint">The <see cref="SpecFingerprint"/> of the sweep that owns the folder.</param>
/// <param name="SpecJson">Its canonical spec (<see cref="ValidatedSweep.CanonicalJson"/>), a valid spec by itself.</param>
public sealed record SweepMarker(string Fingerprint, string SpecJson)
{
    public const string Format = "orleanssweep-marker/v1";
    public const string FolderName = ".orleanssweep";
    public const string FileName = "spec.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The marker's path inside <paramref name="outputFolder"/>.</summary>
    public static string PathIn(string outputFolder) => Path.Combine(outputFolder, FolderName, FileName);

    public static SweepMarker For(ValidatedSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new SweepMarker(sweep.Fingerprint, sweep.CanonicalJson);
    }

    /// <summary>The marker of <paramref name="outputFolder"/>, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The marker exists but is not a marker of this format.</exception>
    public static SweepMarker? Read(string outputFolder)
    {
        var path = PathIn(outputFolder);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
    }

    /// <exception cref="InvalidDataException">The text is not a marker of this format.</exception>
    public static SweepMarker Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == Format &&
                root.TryGetProperty("fingerprint", out var fingerprint) && fingerprint.ValueKind == JsonValueKind.String &&
                root.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object)
            {
                return new SweepMarker(fingerprint.GetString()!, spec.GetRawText());
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the marker is not valid JSON: {e.Message}", e);
        }

        throw new InvalidDataException($"the marker lacks \"format\": \"{Format}\", \"fingerprint\" or \"spec\"");
    }

    /// <summary>The marker file's text.</summary>
    public string Render()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        using (var spec = JsonDocument.Parse(SpecJson))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("fingerprint", Fingerprint);
            writer.WritePropertyName("spec");
            spec.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the marker into <paramref name="outputFolder"/> (created if needed), atomically replacing any old one.</summary>
    public void Write(string outputFolder)
    {
        var path = PathIn(outputFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write then rename, so a crash never leaves a half-written marker that would block the resume.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
