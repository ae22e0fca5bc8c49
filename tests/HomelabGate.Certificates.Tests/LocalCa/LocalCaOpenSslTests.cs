using HomelabGate.Core.Desired;
using System.Net;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Tests.Support;

namespace HomelabGate.Certificates.Tests.LocalCa;

/// <summary>What real TLS clients think of our certificates, asked of the real openssl.</summary>
public sealed class LocalCaOpenSslTests : IDisposable
{
    private static readonly NameConstraints HomeOnly = new(["home.test"], [IPNetwork.Parse("192.168.1.0/24")]);
    private readonly TestCa _ca = new(new LocalCaOptions { NameConstraints = HomeOnly });

    [Theory]
    [InlineData(KeyType.EcdsaP256)]
    [InlineData(KeyType.Rsa2048)]
    public async Task Openssl_verifies_an_issued_leaf_against_root_and_intermediate(KeyType algorithm)
    {
        var request = new LeafCertificateRequest("nas", ["nas.home.test", "*.apps.home.test", "192.168.1.10"]) { KeyAlgorithm = algorithm };
        await _ca.Issuer.EnsureAsync(request, CancellationToken.None);

        var result = Verify(_ca.CertFile("nas", "cert.pem"), attime: _ca.Clock.GetUtcNow());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(": OK", result.Output);
    }

    [Fact]
    public async Task Openssl_verifies_the_served_chain_file_as_the_untrusted_intermediate()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);

        var result = Tool.Run("openssl", "verify", "-attime", _ca.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(),
            "-CAfile", _ca.CaFile("root.pem"), "-untrusted", _ca.CertFile("nas", "chain.pem"), _ca.CertFile("nas", "cert.pem"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Intermediate_carries_critical_name_constraints()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);

        var text = Tool.Run("openssl", "x509", "-noout", "-text", "-in", _ca.CaFile("intermediate.pem")).Output;

        Assert.Contains("X509v3 Name Constraints: critical", text);
        Assert.Contains("DNS:home.test", text);
        Assert.Contains("IP:192.168.1.0/255.255.255.0", text);
        Assert.Contains("CA:TRUE, pathlen:0", text);
    }

    [Fact]
    public async Task Openssl_rejects_a_bank_certificate_forged_with_the_intermediate_key()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var forged = Forge(SubjectNames.Parse(["bank.com"]));

        var result = Verify(forged, attime: _ca.Clock.GetUtcNow());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("permitted subtree violation", result.Output);
    }

    [Fact]
    public async Task Openssl_rejects_a_forged_certificate_for_an_ip_outside_the_permitted_range()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var forged = Forge(SubjectNames.Parse(["nas.home.test", "8.8.8.8"]));

        var result = Verify(forged, attime: _ca.Clock.GetUtcNow());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("permitted subtree violation", result.Output);
    }

    [Fact]
    public async Task Openssl_rejects_any_ip_when_only_dns_subtrees_are_permitted()
    {
        using var ca = new TestCa(new LocalCaOptions { NameConstraints = new NameConstraints(["home.test"]) });
        await ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var authority = new CaStore(ca.State.Path, new PemFileReader(), new AtomicFileWriter()).Load();
        using var key = PrivateKey.Generate(KeyType.EcdsaP256);
        var now = ca.Clock.GetUtcNow();
        var leaf = new LeafCertificateFactory().Create(authority.Intermediate, authority.IntermediateKey, key,
            SubjectNames.Parse(["nas.home.test", "10.0.0.1"]), now, now.AddDays(1));
        var path = ca.State.Combine("forged.pem");
        File.WriteAllText(path, leaf.ExportCertificatePem());

        var result = Tool.Run("openssl", "verify", "-attime", now.ToUnixTimeSeconds().ToString(),
            "-CAfile", ca.CaFile("root.pem"), "-untrusted", ca.CaFile("intermediate.pem"), path);

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Leaf_has_server_auth_digital_signature_and_a_128_bit_serial()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);

        var text = Tool.Run("openssl", "x509", "-noout", "-text", "-in", _ca.CertFile("nas", "cert.pem")).Output;
        var serial = Tool.Run("openssl", "x509", "-noout", "-serial", "-in", _ca.CertFile("nas", "cert.pem")).Output.Trim();

        Assert.Contains("TLS Web Server Authentication", text);
        Assert.Contains("Digital Signature", text);
        Assert.Contains("CA:FALSE", text);
        Assert.Equal("serial=".Length + 32, serial.Length);
    }

    private string Forge(SubjectNames names)
    {
        var authority = new CaStore(_ca.State.Path, new PemFileReader(), new AtomicFileWriter()).Load();
        using var key = PrivateKey.Generate(KeyType.EcdsaP256);
        var now = _ca.Clock.GetUtcNow();
        var leaf = new LeafCertificateFactory().Create(authority.Intermediate, authority.IntermediateKey, key, names, now, now.AddDays(30));
        var path = _ca.State.Combine("forged.pem");
        File.WriteAllText(path, leaf.ExportCertificatePem());
        return path;
    }

    private Tool.Result Verify(string leafPath, DateTimeOffset attime) =>
        Tool.Run("openssl", "verify", "-attime", attime.ToUnixTimeSeconds().ToString(),
            "-CAfile", _ca.CaFile("root.pem"), "-untrusted", _ca.CaFile("intermediate.pem"), leafPath);

    public void Dispose() => _ca.Dispose();
}
