using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>A certificate for one name, valid for 90 days of which only a few are left, written as name.crt and a 0600
/// name.key (the first label) for a manifest's <c>files:</c> certificate.</summary>
[SupportedOSPlatform("linux")]
public static class ExpiringCertificate
{
    public static void Write(string directory, string name, int daysLeft)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(daysLeft - 90), DateTimeOffset.UtcNow.AddDays(daysLeft));
        var file = name.Split('.')[0];
        File.WriteAllText(Path.Combine(directory, $"{file}.crt"), certificate.ExportCertificatePem());
        var keyPath = Path.Combine(directory, $"{file}.key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
