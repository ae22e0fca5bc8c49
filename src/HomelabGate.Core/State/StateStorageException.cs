namespace HomelabGate.Core.State;

/// <summary>The state store could not be read or written; the message names where and, when known, the fix — never
/// key material. An <see cref="IOException"/>, so the systems report it like any failed write.</summary>
public class StateStorageException(string message, Exception? inner = null) : IOException(message, inner);
