namespace HomelabGate.Core.Desired;

/// <summary><c>issuers.*.dns01.provider</c>: who publishes the <c>_acme-challenge</c> TXT records.</summary>
public enum Dns01ProviderType
{
    Rfc2136,
    Cloudflare,
    Exec,
}
