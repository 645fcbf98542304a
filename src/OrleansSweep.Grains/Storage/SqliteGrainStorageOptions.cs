namespace OrleansSweep.Grains.Storage;

/// <summary>Where a <see cref="SqliteGrainStorage"/> keeps its database.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The database file (created with its folder when missing).</summary>
    public string DatabasePath { get; set; } = "grains.db";
}
