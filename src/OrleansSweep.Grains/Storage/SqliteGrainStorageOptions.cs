namespace OrleansSweep.Grains.Storage;

/// <summary>Where a <see cref="SqliteGrainStorage"/> keeps its database, and how it commits.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The database file (created with its folder when missing).</summary>
    public string DatabasePath { get; set; } = "grains.db";

    /// <summary>Writes committed in one transaction at most (those that queued while the previous commit ran).</summary>
    public int MaxBatch { get; set; } = 256;
}
