using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Renewal;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Tests.Integration;

/// <summary>A stored ACME certificate that every rule but timing accepts: names and key match, it carries an Authority
/// Key Identifier (so it has an ARI certificate ID), and it lives 90 days from <see cref="NotBefore"/>.</summary>
internal static class StoredLeaf
{
    public const string Domain = "nas.home.test";

    public static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(double day) => NotBefore.AddDays(day);

    public static RenewalContext Context()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + Domain, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Domain);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(RandomNumberGenerator.GetBytes(20)));
        var leaf = request.Create(new X500DistinguishedName("CN=Test ACME intermediate"), X509SignatureGenerator.CreateForECDsa(key),
            NotBefore, NotBefore.AddDays(90), RandomNumberGenerator.GetBytes(16));
        var metadata = new CertificateMetadata("nas", [Domain], KeyType.EcdsaP256, CertificateSource.Acme, NotBefore);
        var stored = new StoredCertificate("nas", leaf, [], PrivateKey.FromPem(key.ExportPkcs8PrivateKeyPem()), metadata);
        return new RenewalContext(new LeafCertificateRequest("nas", [Domain]) { KeyAlgorithm = KeyType.EcdsaP256 }, StoredCertificateRead.Found(stored), null);
    }

    public static string AriPath(RenewalContext context) => "/ari/" + AcmeRenewalInfo.CertificateId(context.Certificate.Leaf);
}
