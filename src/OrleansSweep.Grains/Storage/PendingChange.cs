namespace OrleansSweep.Grains.Storage;

/// <summary>
/// A write (<paramref name="Data"/> set) or a clear (<paramref name="Data"/> null) waiting for its transaction.
/// </summary>
/// <param name="StateName">The state's name.</param>
/// <param name="GrainId">The grain that owns it.</param>
/// <param name="Data">The serialized state; null deletes the row.</param>
/// <param name="Expected">The ETag the row must still have; null: the row must not exist (an insert).</param>
/// <param name="Committed">Runs once the transaction holding this change has committed (moves the grain state's ETag on).</param>
internal sealed record PendingChange(string StateName, GrainId GrainId, byte[]? Data, long? Expected, Action Committed);
