namespace OrleansSweep.Reports;

/// <summary>The values of one metric over a two-parameter grid.</summary>
/// <param name="X">Horizontal axis; <c>Values.GetLength(0)</c> must equal <c>X.Values.Count</c>.</param>
/// <param name="Y">Vertical axis; <c>Values.GetLength(1)</c> must equal <c>Y.Values.Count</c>.</param>
/// <param name="Metric">Machine name of the metric (e.g. <c>lambdaMax</c>).</param>
/// <param name="MetricLabel">Display label of the metric, drawn along the colour bar (e.g. <c>λ_max</c>, with units if any).</param>
/// <param name="Values">Metric per cell indexed <c>[ix, iy]</c>; null, NaN and ±∞ are drawn as missing (hatched) cells.</param>
public sealed record HeatMapData(Axis X, Axis Y, string Metric, string MetricLabel, double?[,] Values);
