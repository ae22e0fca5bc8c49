namespace HomelabGate.Dns.Providers;

/// <summary>The records were written, but telling the DNS server to re-read them failed. The write stands, so the
/// records are ours and must be recorded as such; only the reload needs another try.</summary>
public sealed class DnsReloadFailedException(string message, Exception inner) : Exception(message, inner);
