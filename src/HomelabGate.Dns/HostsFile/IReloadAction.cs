namespace HomelabGate.Dns.HostsFile;

/// <summary>Tells the DNS server that serves a hosts file to read it again (dnsmasq: SIGHUP).</summary>
public interface IReloadAction
{
    Task ReloadAsync(CancellationToken cancellationToken);
}
