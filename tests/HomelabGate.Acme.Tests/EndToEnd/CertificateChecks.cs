using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Tests.Infrastructure;

namespace HomelabGate.Acme.Tests.EndToEnd;

/// <summary>Independent checks of an issued certificate: the real openssl verifier, and the SANs as parsed by .NET.</summary>
internal static class CertificateChecks
{
    public static async Task<string> OpensslVerifyAsync(IssuedCertificate issued, string issuerRootPath)
    {
        var dir = Directory.CreateTempSubdirectory("hg-acme-verify-");
        try
        {
            var leaf = Path.Combine(dir.FullName, "leaf.pem");
            var chain = Path.Combine(dir.FullName, "chain.pem");
            await File.WriteAllTextAsync(leaf, issued.CertificatePem);
            await File.WriteAllTextAsync(chain, issued.ChainPem);
            var result = await ProcessRunner.RunAsync("openssl", ["verify", "-CAfile", issuerRootPath, "-untrusted", chain, leaf]);
            return result.Combined.Replace(leaf, "leaf.pem", StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static IReadOnlyList<string> DnsNames(IssuedCertificate issued)
    {
        using var leaf = X509Certificate2.CreateFromPem(issued.CertificatePem);
        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        return san.EnumerateDnsNames().Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<IReadOnlyList<string>> TxtRecordsAboutAsync(AcmeDnsEnvironment environment, string label) =>
        (await environment.ListTxtRecordsAsync()).Where(r => r.Contains(label, StringComparison.Ordinal)).ToList();
}
