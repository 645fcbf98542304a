using System.Reflection;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Coordination;

namespace OrleansSweep.Sweeps.Output;

/// <summary>The key-value metadata stored in every Parquet file and shown in the report.</summary>
public static class PhaseMapMetadata
{
    public const string SpecKey = "orleanssweep.spec";
    public const string VersionKey = "orleanssweep.version";

    public static string ProductVersion { get; } =
        typeof(PhaseMapMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Deterministic metadata: no timestamps or host names, so identical specs give identical files.</summary>
    /// <remarks>A refined sweep adds the refined metric and its level (<see cref="RefinementOutputs.Metadata"/>); a plain sweep's keys are unchanged.</remarks>
    public static IReadOnlyDictionary<string, string> For(SweepPlan plan, string kernels)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [SpecKey] = plan.SpecJson,
            [VersionKey] = ProductVersion,
            ["orleanssweep.sweep_id"] = plan.SweepId.ToString(),
            ["orleanssweep.fingerprint"] = plan.Fingerprint,
            ["orleanssweep.model"] = plan.Model,
            ["orleanssweep.kernels"] = kernels,
            ["orleanssweep.conventions"] = ModelCatalog.ConventionsText,
            ["orleanssweep.timing_columns"] = string.Join(",", PhaseMap.TimingColumns),
        };
        if (plan.Refinement is { } refinement)
        {
            foreach (var (key, value) in RefinementOutputs.Metadata(refinement))
            {
                metadata[key] = value;
            }
        }

        return metadata;
    }
}
