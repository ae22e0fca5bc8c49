using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>The Proxmox recipe from the README against a real HTTPS upstream (Kestrel with a self-signed certificate for
/// its own name, localhost, trusted through <c>tls.ca</c>): the client's Host (pve.home.test) goes on to the upstream, yet
/// the certificate is checked against the target's name — it once was checked against pve.home.test and answered an
/// empty 502. A target addressed by another name is refused with the reason in the log, /api/status and the page, and
/// <c>tls.serverName</c> names the expected name.</summary>
public sealed class UpstreamTlsTests(UpstreamTlsTests.Daemon daemon) : IClassFixture<UpstreamTlsTests.Daemon>
{
    [Fact]
    public async Task Tls_ca_trusts_an_upstream_whose_certificate_names_the_target_while_the_clients_host_goes_on()
    {
        var result = await Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, "pve.home.test", "/api2/json");

        Assert.True(result.Status == 200, result + "\n--- daemon ---\n" + daemon.Gate.Output);
        Assert.Equal("upstream saw Host pve.home.test", result.Body);
    }

    [Fact]
    public async Task A_target_by_another_name_is_refused_and_the_reason_is_logged_once_a_minute_and_in_the_status()
    {
        var results = new List<HttpResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, "byip.home.test"));
        }
        var result = results[^1];
        var reason = "name mismatch (it is for localhost, not 127.0.0.1)";

        Assert.Equal(502, result.Status);
        Assert.StartsWith("502 Bad Gateway: byip.home.test is not answering", result.Body, StringComparison.Ordinal);
        var (_, problem) = await daemon.Gate.TargetAsync(daemon.ByIp);
        Assert.Equal($"certificate rejected: {reason}", problem);
        var lines = daemon.Gate.Output.Split('\n').Where(l => l.Contains("was rejected", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains($"upstream byip: the certificate of target 127.0.0.1 was rejected: {reason}", lines[0], StringComparison.Ordinal);
        Assert.False(daemon.Gate.Output.Contains("   at ", StringComparison.Ordinal), daemon.Gate.Output);
    }

    [Fact]
    public async Task Tls_server_name_is_the_name_the_certificate_must_carry()
    {
        var result = await Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, "named.home.test");

        Assert.True(result.Status == 200, result.ToString());
        Assert.Equal("upstream saw Host named.home.test", result.Body);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public string ByIp { get; private set; } = "";

        /// <summary>What an appliance ships: a self-signed certificate for its own name, CN and SAN localhost.</summary>
        private static X509Certificate2 SelfSigned()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }

        protected override async Task<string> StartServersAsync()
        {
            var certificate = SelfSigned();
            var pem = Path.Combine(Workspace.Root, "pve-ca.pem");
            await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
            var pve = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync($"upstream saw Host {context.Request.Host.Host}"), certificate: certificate));
            ByIp = $"https://127.0.0.1:{pve.Port}";
            return Manifests.Header + $$"""
                upstreams:
                  pve: { targets: ["https://localhost:{{pve.Port}}"], tls: { ca: {{pem}} } }
                  byip: { targets: ["{{ByIp}}"], tls: { ca: {{pem}} } }
                  named: { targets: ["{{ByIp}}"], tls: { ca: {{pem}}, serverName: localhost } }
                hosts:
                  pve: { domains: [pve.home.test], upstream: pve }
                  byip: { domains: [byip.home.test], upstream: byip }
                  named: { domains: [named.home.test], upstream: named }
                """;
        }
    }
}
