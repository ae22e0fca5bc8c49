using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Proxy.Tls;

namespace HomelabGate.Tests.Proxy;

public sealed class StreamCertificateTests
{
    private static readonly X509Certificate2 Web = SelfSigned("web");
    private static readonly X509Certificate2 Ssh = SelfSigned("ssh");

    private static X509Certificate2 SelfSigned(string cn)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static SniCertificateMap Map() => new(
    [
        new SniEntry("app.home.test", "web", Web, []),
        new SniEntry(null, "ssh", Ssh, []),
    ], defaultCertificate: null);

    [Fact]
    public void A_stream_gets_the_certificate_it_names_with_no_http_protocol_offered()
    {
        var options = Map().SelectForCertificate("ssh")!;

        Assert.Equal("CN=ssh", options.ServerCertificateContext!.TargetCertificate.Subject);
        Assert.NotNull(options.ApplicationProtocols);
        Assert.Empty(options.ApplicationProtocols);
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, options.EnabledSslProtocols);
    }

    [Fact]
    public void A_certificate_that_also_answers_server_names_shares_its_context_but_not_its_alpn()
    {
        var map = Map();

        var http = map.Select("app.home.test")!;
        var stream = map.SelectForCertificate("web")!;

        Assert.Same(http.ServerCertificateContext, stream.ServerCertificateContext);
        Assert.Contains(System.Net.Security.SslApplicationProtocol.Http2, http.ApplicationProtocols!);
        Assert.Empty(stream.ApplicationProtocols!);
    }

    [Fact]
    public void An_entry_by_name_only_answers_no_server_name_and_an_unknown_certificate_gives_nothing()
    {
        var map = Map();

        Assert.Null(map.Select("ssh"));
        Assert.Null(map.SelectForCertificate("missing"));
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public async Task The_selector_refuses_a_stream_handshake_while_its_certificate_is_not_issued()
    {
        var selector = new SniSelector();

        var refused = await Assert.ThrowsAsync<System.Security.Authentication.AuthenticationException>(() => selector.SelectForCertificate("ssh").AsTask());
        selector.Replace(Map());
        var options = await selector.SelectForCertificate("ssh");

        Assert.Equal("certificate 'ssh' is not issued (yet)", refused.Message);
        Assert.Equal("CN=ssh", options.ServerCertificateContext!.TargetCertificate.Subject);
    }

    [Fact]
    public void A_stream_certificate_is_carried_to_the_desired_stream_and_is_no_longer_reported_as_not_yet_served()
    {
        var result = ManifestFixture.Load("version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  c: { issuer: local, domains: [ssh.test] }\nstreams:\n  ssh: { listen: \"127.0.0.1:2222\", to: \"10.0.0.1:22\", certificate: c }\n");

        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.NotYetServed);
        var stream = Assert.Single(new DesiredStateBuilder().Build(result.Manifest!.Spec).Settings.Streams);
        Assert.Equal(new TcpStream("ssh", "127.0.0.1:2222", "10.0.0.1:22", "c"), stream);
    }
}
