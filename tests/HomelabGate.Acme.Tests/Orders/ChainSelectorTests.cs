using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Orders;

namespace HomelabGate.Acme.Tests.Orders;

public sealed class ChainSelectorTests
{
    private static string Chain()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Root A", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var intermediateRequest = new CertificateRequest("CN=Test Intermediate", intermediateKey, HashAlgorithmName.SHA256);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var intermediate = intermediateRequest.Create(root, now.AddDays(-1), now.AddDays(20), [1]).CopyWithPrivateKey(intermediateKey);
        using var leaf = new CertificateRequest("CN=app.home.test", leafKey, HashAlgorithmName.SHA256).Create(intermediate, now, now.AddDays(10), [2]);
        return leaf.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem() + "\n";
    }

    [Theory]
    [InlineData("Test Root A", true)]
    [InlineData("Test Intermediate", true)]
    [InlineData("Test Root B", false)]
    [InlineData("test root a", false)]
    public void A_chain_matches_the_issuer_of_its_top_certificate_or_any_name_within_it(string preferred, bool matches)
    {
        Assert.Equal(matches, ChainSelector.Matches(Chain(), preferred));
    }
}
