using System.CommandLine;
using System.Globalization;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Refinement;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Client.Commands;

/// <summary><c>sweep validate SPEC</c>: checks a spec (and its output folder) without computing anything.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "the sweep spec (JSON; see sweep-spec.schema.json)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "output folder to check (default: the spec's \"output\")" };
        var command = new Command("validate", "Validate a sweep spec and its output folder; exit code 2 on errors.") { spec, output };
        command.SetAction(parse => Run(parse.GetValue(spec)!, parse.GetValue(output), Console.Out, Console.Error));
        return command;
    }

    /// <summary>What k means with SEMs from few realisations, and a hint when they are too few to resolve much.</summary>
    private static string SplitRuleNote(RefineSettings refine, int realizations, RefinementPlan plan)
    {
        var k = refine.Sigmas.ToString("G", CultureInfo.InvariantCulture);
        var splitSigmas = plan.SplitSigmas;
        if (plan.TimeNoiseDegreesOfFreedom is { } degrees)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"split rule: shared disorder, so differences are weighed by λ_max's finite-time error (window spread / √(windows × realisations)), not by the SEMs; k = {k} is read off Student's t with {degrees} degrees of freedom: {splitSigmas:F2}");
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"split rule: SEMs from {realizations} realisations, so k = {k} is read off Student's t with {realizations - 1} degree(s) of freedom: {splitSigmas:F2} SEM");
        return realizations < 4 ? note + " (few crossings clear that on a noisy metric: use ≥ 4 realisations)" : note;
    }

    internal static int Run(FileInfo spec, DirectoryInfo? output, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var sweep = SpecLoader.Load(spec.FullName);
            var folder = output?.FullName ?? sweep.Spec.Output;
            var state = OutputGuard.Check(folder, sweep.Fingerprint);
            stdout.WriteLine($"{spec.Name}: valid — model {sweep.Spec.Model}, {sweep.CellCount} cells × {sweep.Spec.Realizations} realisation(s), fingerprint {sweep.Fingerprint}");
            stdout.WriteLine($"  axes: {string.Join(" × ", sweep.Spec.Grid.Select(a => $"{a.Name} ({a.Count})"))}");
            if (sweep.Spec.Refine is { } refine)
            {
                stdout.WriteLine($"  {refine.Describe(sweep.CellCount)}");
                var plan = new RefinementPlan(sweep);
                if (sweep.Spec.Realizations > 1 || plan.TimeNoiseDegreesOfFreedom is not null)
                {
                    stdout.WriteLine($"  {SplitRuleNote(refine, sweep.Spec.Realizations, plan)}");
                }
            }

            stdout.WriteLine($"  output: {folder} ({(state == OutputFolderState.Resume ? "resumes the sweep already there" : "new")})");
            var memory = sweep.Memory;
            stdout.WriteLine($"  memory: {MemoryEstimate.Format(memory.PerCellBytes)} a cell × {memory.ConcurrentCells} at once = {MemoryEstimate.Format(memory.TotalBytes)} of {MemoryEstimate.Format(memory.LimitBytes)} available");
            _ = SweepGrid.Expand(sweep).First(); // the grid expands (cheap: one cell)
            return ExitCodes.Success;
        }
        catch (SpecValidationException exception)
        {
            return SpecErrors.Report(exception, stderr);
        }
    }
}
