using System.Globalization;
using OrleansSweep.Science.Models;
using OrleansSweep.Sweeps.Grid;

namespace OrleansSweep.Sweeps.Cells;

/// <summary>
/// The key from which a cell's random streams derive: the cell's coordinates (model, N, every resolved parameter),
/// not its analysis knobs, so the same networks are drawn whichever analyses run or how many exponents are asked.
/// </summary>
public static class CellKeys
{
    public static string NetworkKey(CellDefinition cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var parameters = cell.Parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Value == 0 ? "0" : p.Value.ToString("R", CultureInfo.InvariantCulture))}");
        return $"{ModelCatalog.NameOf(cell.Family)}|n={cell.N}|{string.Join(",", parameters)}";
    }
}
