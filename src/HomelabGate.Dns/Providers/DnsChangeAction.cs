namespace HomelabGate.Dns.Providers;

public enum DnsChangeAction
{
    Create,
    Update,
    Delete,
}
