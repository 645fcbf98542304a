using OrleansSweep.Contracts;

namespace OrleansSweep.Sweeps.Coordination;

/// <summary>Everything the coordinator needs to run a sweep and write its outputs.</summary>
/// <param name="SweepId">Derived from the spec fingerprint, so re-running the same spec resumes the same sweep.</param>
/// <param name="Fingerprint">Hash of everything in the spec that affects numbers.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="Model">The model family's spec name (vanilla, rate, minimal, gru, lstm, gated).</param>
/// <param name="SpecJson">The canonical spec, stored with the results and in the Parquet metadata.</param>
/// <param name="Axes">The grid axes in spec order (the last varies fastest).</param>
/// <param name="Cells">Every cell in grid order.</param>
/// <param name="OutputFolder">Where the phase map, pictures and report are written.</param>
public sealed record SweepPlan(
    Guid SweepId,
    string Fingerprint,
    string Name,
    string Model,
    string SpecJson,
    IReadOnlyList<PlanAxis> Axes,
    IReadOnlyList<PlannedCell> Cells,
    string OutputFolder);

/// <summary>One grid axis: a parameter symbol (or "n") and its points.</summary>
public sealed record PlanAxis(string Parameter, IReadOnlyList<double> Values, bool Logarithmic);

/// <summary>One cell of the plan: the command sent to a worker plus what the phase map needs to place it.</summary>
public sealed record PlannedCell(AnalyzeCell Command, IReadOnlyDictionary<string, double> AxisValues, int N, int Realizations);
