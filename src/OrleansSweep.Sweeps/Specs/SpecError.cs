namespace OrleansSweep.Sweeps.Specs;

/// <summary>One problem found in a sweep spec, with the field it concerns and how to fix it.</summary>
/// <param name="Field">
/// A JSON path into the spec, dot-separated with array indices in brackets: <c>grid.alphaR.steps</c>,
/// <c>analyses.fixedPoints.startScales[1]</c>, <c>parameters.alphaz</c>. <c>$</c> is the document itself.
/// </param>
/// <param name="Message">What is wrong, naming the value found (and, for a misspelling, the nearest valid name).</param>
/// <param name="Fix">What to change to make the spec valid.</param>
public sealed record SpecError(string Field, string Message, string Fix)
{
    public override string ToString() => $"{Field}: {Message} Fix: {Fix}";
}
