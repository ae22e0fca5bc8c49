namespace HomelabGate.Daemon.Status;

/// <summary>One served host: its domains and what it does — the upstream pools it forwards to (its own and its
/// locations'), or the answer it gives itself.</summary>
public sealed record HostStatus(string Name, IReadOnlyList<string> Domains, IReadOnlyList<string> Upstreams, int? RespondStatus, string? RedirectTo);
