using System.Collections.ObjectModel;
using System.Text.Json;
using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>
/// Reads a spec document field by field into a <see cref="SweepSpec"/>, recording every problem in a
/// <see cref="SpecErrorList"/> and carrying on, so that one pass reports them all. A field that is wrong is left out
/// of later checks instead of causing follow-on errors. Cross-field rules are in SpecReader.Rules.cs.
/// </summary>
internal sealed partial class SpecReader
{
    /// <summary>Editors' schema hint (<c>"$schema": "./sweep-spec.schema.json"</c>); allowed and ignored.</summary>
    public const string SchemaPropertyName = "$schema";

    private const string NameExample = "\"name\": \"gated-chaos\"";

    private readonly SpecErrorList errors;
    private readonly MachineProfile machine;
    private readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, double> parameters = new(StringComparer.Ordinal);
    private readonly HashSet<string> fixedNames = new(StringComparer.Ordinal);
    private readonly List<SweepAxis> axes = [];
    private string? name;
    private ModelFamily? model;
    private int? n;
    private int realizations = SweepSpec.DefaultRealizations;
    private ulong seed = SweepSpec.DefaultSeed;
    private Disorder disorder = Disorder.PerCell;
    private AnalysisSettings analyses = new();
    private string? output;
    private double? memoryLimitGb;
    private string? description;
    private MemoryEstimate? memory;

    private SpecReader(SpecErrorList errorList, MachineProfile machineProfile)
    {
        errors = errorList;
        machine = machineProfile;
    }

    /// <summary>The top-level fields of a spec, in the order of the schema.</summary>
    public static IReadOnlyList<string> TopLevelNames { get; } =
        ["name", "description", "model", "n", "realizations", "seed", "disorder", "parameters", "grid", "analyses", "refine", "output", "memoryLimitGb"];

    /// <summary>The spec names of the six model families.</summary>
    public static IReadOnlyList<string> ModelNames { get; } = [.. Enum.GetValues<ModelFamily>().Select(ModelCatalog.NameOf)];

    /// <summary>Reads <paramref name="root"/>; the spec is null when any error was recorded.</summary>
    public static (SweepSpec? Spec, MemoryEstimate? Memory) Read(JsonElement root, SpecErrorList errors, MachineProfile machine)
    {
        var reader = new SpecReader(errors, machine);
        return reader.ReadDocument(root);
    }

    private (SweepSpec? Spec, MemoryEstimate? Memory) ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", $"must be a JSON object, but is {JsonValues.Describe(root)}.", $"write the spec as an object: {{ {NameExample}, \"model\": \"gated\", … }}");
            return (null, null);
        }

        foreach (var (key, value) in JsonValues.Properties(root, string.Empty, errors))
        {
            if (TopLevelNames.Contains(key, StringComparer.Ordinal))
            {
                fields[key] = value;
            }
            else if (key != SchemaPropertyName)
            {
                var nearest = NameSuggester.Nearest(key, TopLevelNames);
                errors.Add(
                    key,
                    $"'{key}' is not a field of a sweep spec{NameSuggester.DidYouMean(key, TopLevelNames)}",
                    nearest is null ? $"remove it, or use one of: {string.Join(", ", TopLevelNames)}" : $"rename it to '{nearest}'");
            }
        }

        ReadName();
        ReadModel();
        ReadUnits();
        ReadRealizations();
        ReadSeed();
        ReadDisorder();
        ReadParameters();
        ReadGrid();
        ReadAnalyses();
        ReadRefine();
        ReadOutput();
        ReadMemoryLimit();
        ReadDescription();
        CheckRules();
        if (errors.Count > 0 || name is null || model is null)
        {
            return (null, null);
        }

        var spec = new SweepSpec(
            name,
            model.Value,
            n,
            realizations,
            seed,
            new ReadOnlyDictionary<string, double>(parameters),
            axes.AsReadOnly(),
            analyses,
            output ?? SweepSpec.DefaultOutput(name),
            memoryLimitGb,
            description,
            refine,
            disorder);
        return (spec, memory);
    }

    private void ReadName()
    {
        if (!fields.TryGetValue("name", out var element))
        {
            errors.Add("name", "is missing.", $"add a name, e.g. {NameExample} (letters, digits, '.', '_', '-')");
            return;
        }

        if (!JsonValues.TryString(element, "name", errors, out var value, "\"gated-chaos\""))
        {
            return;
        }

        var valid = value.Length is > 0 and <= 100 && char.IsAsciiLetterOrDigit(value[0]) &&
                    value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!valid)
        {
            errors.Add("name", $"'{value}' is not a valid sweep name: it names the default output folder out/<name>.", "use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return;
        }

        name = value;
    }

    private void ReadModel()
    {
        if (!fields.TryGetValue("model", out var element))
        {
            errors.Add("model", "is missing.", $"add \"model\" with one of: {string.Join(", ", ModelNames)}");
            return;
        }

        if (!JsonValues.TryString(element, "model", errors, out var value, "\"gated\""))
        {
            return;
        }

        var family = Enum.GetValues<ModelFamily>().Where(f => ModelCatalog.NameOf(f) == value).Cast<ModelFamily?>().FirstOrDefault();
        if (family is null)
        {
            var nearest = NameSuggester.Nearest(value, ModelNames);
            errors.Add(
                "model",
                $"'{value}' is not a model{NameSuggester.DidYouMean(value, ModelNames)}",
                (nearest is null ? string.Empty : $"write '{nearest}'; ") + $"the models are: {string.Join(", ", ModelNames)}");
            return;
        }

        model = family;
    }
}
