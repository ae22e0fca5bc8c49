using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Renewal;

/// <summary>
/// When a certificate becomes due: once <see cref="FractionLeft"/> of its lifetime remains. One third is
/// cert-manager's and Let's Encrypt's default: for 90 days that is day 60, leaving 30 days to retry failures.
/// </summary>
/// A fixed <see cref="Before"/> (the manifest's <c>renewBefore</c>) takes precedence.
public sealed record RenewalWindow(double FractionLeft = 1.0 / 3, TimeSpan? Before = null)
{
    public DateTimeOffset RenewalDue(X509Certificate2 certificate)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        return Before is { } before ? notAfter - before : notAfter - (notAfter - notBefore) * FractionLeft;
    }
}
