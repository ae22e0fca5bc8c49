using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Engine;

/// <summary>Everything the planner compares the manifest with: the last applied state (what was recorded), what the
/// proxy serves, what the DNS provider holds, and each certificate's verdict.</summary>
public sealed record Observation(
    DesiredState Applied,
    DesiredState Served,
    DnsObservation Dns,
    IReadOnlyList<CertificateObservation> Certificates)
{
    public CertificateObservation? Certificate(string name) => Certificates.FirstOrDefault(c => c.Name == name);
}
