namespace OrleansSweep.Grains.Hosting;

/// <summary>The grain storage providers the grains ask for; a silo registers both (they may be one store).</summary>
public static class StorageNames
{
    /// <summary>Cell results: one record per cell, written once.</summary>
    public const string Cells = "cells";

    /// <summary>Sweep records and their compact progress shards.</summary>
    public const string Sweeps = "sweeps";
}
