namespace HomelabGate.Acme.Protocol;

/// <summary>The status values of RFC 8555 §7.1.6, shared by accounts, orders, authorizations and challenges.</summary>
public enum AcmeStatus
{
    Pending,
    Ready,
    Processing,
    Valid,
    Invalid,
    Deactivated,
    Expired,
    Revoked,
}
