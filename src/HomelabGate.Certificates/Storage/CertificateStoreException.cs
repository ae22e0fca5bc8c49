namespace HomelabGate.Certificates.Storage;

/// <summary>State on disk could not be read or written. The message names the file and, where known, the fix; never key material.</summary>
public sealed class CertificateStoreException(string message, Exception? inner = null) : Exception(message, inner);
