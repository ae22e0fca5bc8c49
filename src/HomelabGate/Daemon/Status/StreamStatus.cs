namespace HomelabGate.Daemon.Status;

/// <summary>A TCP stream as served: where it listens, where it forwards, and the certificate it terminates TLS with.</summary>
public sealed record StreamStatus(string Name, string Listen, string To, string? Certificate);
