using System.Text.Json;

namespace OrleansSweep.Sweeps.Specs;

/// <summary>The scalar top-level fields besides name and model: n, realizations, seed, output, memoryLimitGb, description.</summary>
internal sealed partial class SpecReader
{
    private void ReadUnits()
    {
        if (fields.TryGetValue("n", out var element) && JsonValues.TryWhole(element, "n", errors, 1, SweepSpec.MaxN, out var value))
        {
            n = (int)value;
        }
    }

    private void ReadRealizations()
    {
        if (fields.TryGetValue("realizations", out var element) &&
            JsonValues.TryWhole(element, "realizations", errors, 1, SweepSpec.MaxCells, out var value))
        {
            realizations = (int)value;
        }
    }

    private void ReadSeed()
    {
        if (!fields.TryGetValue("seed", out var element))
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value))
        {
            seed = value;
            return;
        }

        errors.Add("seed", $"must be a whole number between 0 and {ulong.MaxValue}, but is {JsonValues.Describe(element)}.", "use a non-negative whole number without quotes, e.g. \"seed\": 1");
    }

    private void ReadDisorder()
    {
        if (!fields.TryGetValue("disorder", out var element))
        {
            return;
        }

        var value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        switch (value)
        {
            case "per-cell":
                disorder = Disorder.PerCell;
                break;
            case "shared":
                disorder = Disorder.Shared;
                break;
            default:
                errors.Add("disorder", $"must be \"per-cell\" or \"shared\", but is {JsonValues.Describe(element)}.",
                    "use \"shared\" for the same networks in every cell (common random numbers), or leave the field out for a network per cell");
                break;
        }
    }

    private void ReadOutput()
    {
        if (fields.TryGetValue("output", out var element) && JsonValues.TryString(element, "output", errors, out var value, "\"out/gated-chaos\""))
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add("output", "is empty.", "give a folder, or leave the field out for out/<name>");
                return;
            }

            output = value;
        }
    }

    private void ReadMemoryLimit()
    {
        if (!fields.TryGetValue("memoryLimitGb", out var element) || !JsonValues.TryReal(element, "memoryLimitGb", errors, out var value))
        {
            return;
        }

        if (value <= 0)
        {
            errors.Add("memoryLimitGb", $"must be > 0, but is {CanonicalNumber.Show(value)}.", "give the memory the sweep may use in GiB, or leave it out for 75 % of the machine's memory");
            return;
        }

        memoryLimitGb = value;
    }

    private void ReadDescription()
    {
        if (fields.TryGetValue("description", out var element) &&
            JsonValues.TryString(element, "description", errors, out var value, "\"λ_max over (gH, alphaR)\""))
        {
            description = value;
        }
    }
}
