using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Engine;

/// <summary>The one rule for what the applied state records: a resource as the manifest wants it when its part of the
/// apply succeeded, else as it was recorded before — so the next plan still shows what is left to do. DNS records go
/// together (one provider write); certificates one by one; proxy resources together (one configuration swap).</summary>
public static class AppliedStateRecorder
{
    public static DesiredState Record(DesiredState desired, DesiredState applied, bool dnsSucceeded, IReadOnlySet<string> failedCertificates, bool proxySucceeded)
    {
        bool KeepOld(Resource resource) => resource switch
        {
            DnsRecord => !dnsSucceeded,
            Certificate certificate => failedCertificates.Contains(certificate.Name),
            GatewaySettings or UpstreamPool or AccessList or ProxyHost => !proxySucceeded,
            CertificateIssuer => false,
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource.GetType().Name, "every resource kind needs a recording rule"),
        };
        return DesiredState.Of(desired.Resources.Where(r => !KeepOld(r)).Concat(applied.Resources.Where(KeepOld)));
    }
}
