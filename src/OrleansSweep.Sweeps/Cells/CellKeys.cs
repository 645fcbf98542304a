using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Grid;
using OrleansSweep.Sweeps.Specs;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The key from which a cell's random streams derive: the cell's coordinates (model, N, every resolved parameter),
/// not its analysis knobs, so the same networks are drawn whichever analyses run or how many exponents are asked. With
/// shared disorder (<see cref="Disorder.Shared"/>) model and N only, so every cell of that N draws the same networks.
/// </summary>
/// <remarks>Numbers are written in their one canonical text (<see cref="CanonicalNumber"/>), as in cell ids.</remarks>
public static class CellKeys
{
    public static string NetworkKey(CellDefinition cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var shape = $"{ModelCatalog.NameOf(cell.Family)}|n={CanonicalNumber.Format(cell.N)}";
        if (cell.Disorder == Disorder.Shared)
        {
            return shape;
        }

        var parameters = cell.Parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={CanonicalNumber.Format(p.Value)}");
        return $"{shape}|{string.Join(",", parameters)}";
    }
}
