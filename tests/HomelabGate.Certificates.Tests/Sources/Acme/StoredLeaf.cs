using HomelabGate.Core.Desired;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Renewal;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Sources;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Tests.Sources.Acme;

/// <summary>A stored ACME certificate that every rule but timing accepts: names and key match, it carries an Authority
/// Key Identifier (so it has an ARI certificate ID), and it lives 90 days from <see cref="NotBefore"/>.</summary>
internal static class StoredLeaf
{
    public const string Domain = "nas.home.test";

    public static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(double day) => NotBefore.AddDays(day);

    /// <summary>The desired certificate that this stored one satisfies, from an ACME issuer with <paramref name="settings"/>.</summary>
    public static CertificateWork Work(AcmeSettings settings) => new(
        new Certificate { Name = "nas", Issuer = "ca", Domains = new([Domain]), KeyType = KeyType.EcdsaP256 },
        new CertificateIssuer { Name = "ca", Type = IssuerType.Acme, Acme = settings });

    public static StoredCertificateRead Stored() => Context().Stored;

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

    public static string CertificateId(StoredCertificateRead stored) => AcmeRenewalInfo.CertificateId(stored.Certificate!.Leaf);

    public static string AriPath(StoredCertificateRead stored) => "/ari/" + CertificateId(stored);
}
