using System.Security.Authentication;

namespace HomelabGate.Proxy.Outbound;

/// <summary>Thrown by the upstream certificate check so the reason ("name mismatch: …", "expired on …") travels with the
/// failed request to the passive health check and the status, instead of .NET's "rejected by the callback".</summary>
public sealed class UpstreamCertificateRejectedException(string reason) : AuthenticationException($"certificate rejected: {reason}")
{
    public string Reason { get; } = reason;
}
