namespace HomelabGate.Core.Engine;

/// <summary>How far observing may reach. <see cref="Full"/> reads the DNS provider and asks an ACME CA for its renewal
/// window; <see cref="Local"/> touches nothing outside this machine (<c>gate plan --refresh=false</c>, CI).</summary>
public enum ObservationScope
{
    Full,
    Local,
}
