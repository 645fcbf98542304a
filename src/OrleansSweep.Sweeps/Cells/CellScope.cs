namespace OrleansSweep.Sweeps.Cells;

/// <summary>A running cell's cancellation scope; dispose when the cell ends.</summary>
public sealed class CellScope(CancellationTokenSource source, Action onExit) : IDisposable
{
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        onExit();
        source.Dispose();
    }
}
