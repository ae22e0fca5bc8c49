using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Renewal;

/// <summary>
/// When a certificate becomes due: once <see cref="FractionLeft"/> of its lifetime remains. One third is
/// cert-manager's and Let's Encrypt's default: for 90 days that is day 60, leaving 30 days to retry failures.
/// </summary>
public sealed record RenewalWindow(double FractionLeft = 1.0 / 3)
{
    public DateTimeOffset RenewalDue(X509Certificate2 certificate)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        return notAfter - (notAfter - notBefore) * FractionLeft;
    }
}
