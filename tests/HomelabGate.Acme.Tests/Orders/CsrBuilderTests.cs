using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Orders;

namespace HomelabGate.Acme.Tests.Orders;

public sealed class CsrBuilderTests
{
    [Fact]
    public void Every_name_becomes_a_SAN_and_the_first_the_common_name()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var csr = CertificateRequest.LoadSigningRequest(CsrBuilder.Build(["home.test", "*.home.test"], key), HashAlgorithmName.SHA256,
            CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);

        Assert.Equal("CN=home.test", csr.SubjectName.Name);
        // A loaded request exposes extensions untyped, so re-read the SAN by its OID.
        var san = new X509SubjectAlternativeNameExtension(csr.CertificateExtensions.Single(e => e.Oid!.Value == "2.5.29.17").RawData);
        Assert.Equal(["home.test", "*.home.test"], san.EnumerateDnsNames());
    }

    [Fact]
    public void An_RSA_key_signs_its_request_too()
    {
        using var key = RSA.Create(2048);

        var csr = CertificateRequest.LoadSigningRequest(CsrBuilder.Build(["nas.home.test"], key), HashAlgorithmName.SHA256);

        Assert.Equal(key.ExportSubjectPublicKeyInfo(), csr.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_first_name_longer_than_64_characters_leaves_the_subject_empty()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var longName = new string('a', 60) + ".home.test";

        var csr = CertificateRequest.LoadSigningRequest(CsrBuilder.Build([longName], key), HashAlgorithmName.SHA256);

        Assert.Equal("", csr.SubjectName.Name);
    }
}
