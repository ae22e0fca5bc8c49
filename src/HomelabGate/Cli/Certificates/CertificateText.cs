using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Inspection;

namespace HomelabGate.Cli.Certificates;

/// <summary>The small formatting rules the certificate table and detail view share, so both say the same thing the
/// same way.</summary>
public static class CertificateText
{
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string DaysLeft(CertificateInfo info) => info.DaysLeft switch
    {
        < 0 => "expired",
        1 => "1 day",
        var days => $"{days} days",
    };

    /// <summary>The first 8 bytes of the SHA-256 fingerprint, enough to tell certificates apart at a glance.</summary>
    public static string ShortFingerprint(CertificateInfo info) => info.Sha256Fingerprint.Replace(":", "", StringComparison.Ordinal)[..16];

    /// <summary>The issuer's common name, or the whole distinguished name when it has none.</summary>
    public static string IssuerName(CertificateInfo info)
    {
        var issuer = new X500DistinguishedName(info.Issuer);
        foreach (var part in issuer.EnumerateRelativeDistinguishedNames())
        {
            if (!part.HasMultipleElements && part.GetSingleElementType().Value == "2.5.4.3")
            {
                return part.GetSingleElementValue() ?? info.Issuer;
            }
        }
        return info.Issuer;
    }
}
