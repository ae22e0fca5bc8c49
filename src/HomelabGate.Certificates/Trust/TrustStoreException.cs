namespace HomelabGate.Certificates.Trust;

/// <summary>Installing or removing a root failed; the message says which store, which command and what it printed.</summary>
public sealed class TrustStoreException(string message, Exception? inner = null) : Exception(message, inner);
