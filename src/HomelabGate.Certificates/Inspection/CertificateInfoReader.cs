using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Renewal;

namespace HomelabGate.Certificates.Inspection;

public sealed class CertificateInfoReader(TimeProvider time, RenewalWindow window)
{
    public CertificateInfo Read(string name, X509Certificate2 certificate)
    {
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        // Whole days, rounded down: "0 days left" must mean it expires within a day.
        var daysLeft = (int)Math.Floor((notAfter - time.GetUtcNow()).TotalDays);
        return new CertificateInfo(
            name,
            certificate.Subject,
            SubjectNames.Of(certificate).All.ToArray(),
            certificate.Issuer,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            notAfter,
            daysLeft,
            Sha256Fingerprint(certificate),
            window.RenewalDue(certificate));
    }

    /// <summary>Colon-separated upper-case hex, as browsers and <c>openssl x509 -fingerprint -sha256</c> show it.</summary>
    public static string Sha256Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2")));
}
