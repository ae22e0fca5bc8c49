namespace HomelabGate.Daemon.Status;

/// <summary>Requests a host answered since the daemon started, and how many of them were 5xx.</summary>
public sealed record HostTraffic(long Requests, long ServerErrors);
