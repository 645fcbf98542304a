namespace OrleansSweep.Reports.Ticks;

/// <summary>A tick mark: its position in axis space (log10 of the value on a log axis) and its label markup.</summary>
/// <param name="Position">Position in axis space.</param>
/// <param name="Label">Label (rich-text markup); empty for minor ticks.</param>
/// <param name="Major">Major ticks are longer and labelled.</param>
internal readonly record struct Tick(double Position, string Label, bool Major = true);
