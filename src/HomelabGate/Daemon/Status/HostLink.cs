namespace HomelabGate.Daemon.Status;

/// <summary>"https" and 8443 make https://name:8443/; the port is left out when it is the scheme's own.</summary>
public sealed record HostLink(string Scheme, int Port)
{
    public string For(string domain) =>
        (Scheme, Port) is ("https", 443) or ("http", 80) ? $"{Scheme}://{domain}/" : $"{Scheme}://{domain}:{Port}/";
}
