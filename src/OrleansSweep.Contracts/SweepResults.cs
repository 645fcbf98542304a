namespace OrleansSweep.Contracts;

/// <summary>Request to the coordinator: the outputs of a completed sweep. Answered with <see cref="SweepResults"/>.</summary>
public sealed record GetSweepResults(Guid SweepId);

/// <summary>The outputs of a sweep, or why they are not available yet.</summary>
/// <param name="SweepId">The sweep.</param>
/// <param name="Ready">True when the sweep completed and <paramref name="Files"/> holds its outputs.</param>
/// <param name="Reason">When not ready: the sweep's state and what to do; null when ready.</param>
/// <param name="Fingerprint">The spec fingerprint (for the output folder's marker); null when unknown.</param>
/// <param name="SpecJson">The canonical spec (for the output folder's marker); null when unknown.</param>
/// <param name="Files">phase_map.parquet, lyapunov_spectra.parquet (when computed), one SVG per metric and
/// report.html, by file name; empty when not ready.</param>
/// <remarks>
/// The files travel inside one message (base64 in JSON, a third larger), which must fit 128 MiB (RabbitMQ's default
/// maximum and the .NET client's limit): about 90 MiB of files. A phase map of thousands of cells is a few MiB.
/// </remarks>
public sealed record SweepResults(
    Guid SweepId,
    bool Ready,
    string? Reason,
    string? Fingerprint,
    string? SpecJson,
    IReadOnlyList<ResultFile> Files);

/// <summary>One output file of a sweep: its name (no folders) and its bytes.</summary>
public sealed record ResultFile(string Name, byte[] Content);
