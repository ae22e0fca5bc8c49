using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Renewal.Rules;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;

namespace HomelabGate.Application;

/// <summary>Which desired certificates need work now, judged from the store by the renewal rules (missing, unreadable,
/// key mismatch, other names, expired, due). Shared by <c>gate plan</c> ("~ renew") and <c>gate drift</c>.</summary>
public sealed class CertificateCheck(TimeProvider time)
{
    public IEnumerable<CertificateFinding> Evaluate(DesiredState desired, string stateDir)
    {
        var store = new CertificateStore(stateDir, new PemFileReader(), new AtomicFileWriter());
        var policy = new RenewalPolicy([new MissingRule(), new UnreadableRule(), new KeyDoesNotMatchCertificateRule(),
            new SubjectAlternativeNamesDifferRule(), new ExpiredRule(time), new NearingExpiryRule(time, new RenewalWindow())]);
        foreach (var certificate in desired.All<Certificate>().Where(c => c.Files is null))
        {
            StoredCertificateRead stored;
            try
            {
                stored = store.Read(certificate.Name);
            }
            catch (Exception e) when (e is CertificateStoreException or IOException)
            {
                stored = StoredCertificateRead.Unreadable(e.Message);
            }
            var request = new LeafCertificateRequest(certificate.Name, certificate.Domains);
            if (policy.Evaluate(new RenewalContext(request, stored, null)) is { } reason)
            {
                yield return new CertificateFinding(certificate, reason, stored);
            }
        }
    }
}

public sealed record CertificateFinding(Certificate Certificate, RenewalReason Reason, StoredCertificateRead Stored)
{
    public string Found => Stored.Certificate is { } found ? $"not after {found.Leaf.NotAfter:u}" : Stored.IsMissing ? "missing" : "unreadable";
}
