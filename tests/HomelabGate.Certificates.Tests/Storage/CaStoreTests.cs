using HomelabGate.Core.Engine;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Tests.Support;

namespace HomelabGate.Certificates.Tests.Storage;

public sealed class CaStoreTests : IDisposable
{
    private readonly TestCa _ca = new();

    [Fact]
    public async Task A_damaged_root_is_an_error_and_is_never_replaced()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        File.WriteAllText(_ca.CaFile("root.pem"), "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n");

        var error = await Assert.ThrowsAsync<global::HomelabGate.Certificates.Sources.CertificateIssueException>(
            () => _ca.Restart().EnsureAsync(new LeafCertificateRequest("git", ["git.home.test"]), CancellationToken.None));

        Assert.StartsWith($"'{_ca.CaFile("root.pem")}' contains a damaged certificate", error.Message);
        Assert.Contains("!!", File.ReadAllText(_ca.CaFile("root.pem")));
    }

    [Fact]
    public async Task A_ca_missing_its_root_key_is_reported_as_incomplete()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        File.Delete(_ca.CaFile("root.key"));

        var error = await Assert.ThrowsAsync<global::HomelabGate.Certificates.Sources.CertificateIssueException>(
            () => _ca.Restart().EnsureAsync(new LeafCertificateRequest("git", ["git.home.test"]), CancellationToken.None));

        Assert.Contains("is incomplete: missing root.key", error.Message);
    }

    [Fact]
    public async Task A_missing_intermediate_is_recreated_from_the_same_root()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var root = File.ReadAllText(_ca.CaFile("root.pem"));
        File.Delete(_ca.CaFile("intermediate.pem"));
        File.Delete(_ca.CaFile("intermediate.key"));

        var result = await _ca.Restart().EnsureAsync(new LeafCertificateRequest("git", ["git.home.test"]), CancellationToken.None);

        Assert.Equal(root, File.ReadAllText(_ca.CaFile("root.pem")));
        var intermediate = new PemFileReader().ReadCertificates(_ca.CaFile("intermediate.pem"))[0];
        Assert.True(global::HomelabGate.Certificates.Keys.CertificateSignature.IsIssuedBy(result.Certificate.Leaf, intermediate));
    }

    public void Dispose() => _ca.Dispose();
}
