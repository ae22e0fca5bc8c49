namespace HomelabGate.Dns.Reconciliation;

public enum DnsDriftKind
{
    /// <summary>A record HomelabGate wrote has other values or another TTL than it wrote.</summary>
    ChangedOutOfBand,

    /// <summary>A record HomelabGate wrote is gone.</summary>
    DeletedOutOfBand,
}
