using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Acme.Orders;

/// <summary>Builds the PKCS#10 request for finalize: every name as a SAN; the first as CN when it fits (CN is limited to 64 characters).</summary>
internal static class CsrBuilder
{
    public static byte[] Build(IReadOnlyList<string> domains, AsymmetricAlgorithm key)
    {
        var subject = new X500DistinguishedNameBuilder();
        if (domains[0].Length <= 64)
        {
            subject.AddCommonName(domains[0]);
        }
        var request = key switch
        {
            ECDsa ec => new CertificateRequest(subject.Build(), ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new NotSupportedException("only ECDSA and RSA certificate keys are supported"),
        };
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var domain in domains)
        {
            sans.AddDnsName(domain);
        }
        request.CertificateExtensions.Add(sans.Build());
        return request.CreateSigningRequest();
    }
}
