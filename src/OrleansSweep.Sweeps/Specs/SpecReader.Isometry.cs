using OrleansSweep.Science.Models;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>The <c>isometry</c> analysis: its knobs, and the rule that it needs a discrete model.</summary>
internal sealed partial class SpecReader
{
    private static IsometrySettings ReadIsometry(KnobReader knobs) => new()
    {
        Steps = knobs.Whole("steps", IsometrySettings.DefaultSteps, 1, 10_000),
        TransientSteps = knobs.Whole("transientSteps", IsometrySettings.DefaultTransientSteps, 0),
        AveragingSteps = knobs.Whole("averagingSteps", IsometrySettings.DefaultAveragingSteps, 8),
        Samples = knobs.Whole("samples", IsometrySettings.DefaultSamples, 1, 1000),
    };

    /// <summary>Dynamical isometry (§B.7) is defined for the step maps: vanilla, minimal, gru, lstm.</summary>
    private void CheckIsometryModel()
    {
        if (analyses.Isometry is not null && model is { } family && ModelCatalog.IsContinuous(family))
        {
            errors.Add(
                "analyses.isometry",
                $"needs a discrete model, but {ModelCatalog.NameOf(family)} is a flow.",
                "use it with vanilla, minimal, gru or lstm, or remove \"isometry\" from analyses");
        }
    }
}
