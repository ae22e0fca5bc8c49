namespace HomelabGate.Core.State;

/// <summary>A write or a side effect was refused because this replica no longer holds the leader lock (another took
/// over while it was paused or cut off); nothing was written.</summary>
public sealed class LeadershipLostException(string message) : StateStorageException(message);
