namespace HomelabGate.Daemon.Status;

/// <summary>One served host: its domains and what it does — the upstream pools it forwards to (its own and its
/// locations'), or the answer it gives itself — with the certificate that answers its names, its access list, and how
/// a browser reaches it.</summary>
public sealed record HostStatus(string Name, IReadOnlyList<string> Domains, IReadOnlyList<string> Upstreams, int? RespondStatus, string? RedirectTo)
{
    /// <summary>The certificate the HTTPS listener presents for the host's names (its own, one covering them, or the
    /// default); null when it has none or there is no HTTPS listener.</summary>
    public string? Certificate { get; init; }

    public string? AccessList { get; init; }

    /// <summary>Scheme and port for links to the host's domains; null when no listener serves it.</summary>
    public HostLink? Link { get; init; }
}
