using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Proxy.Tls;

namespace HomelabGate.Tests.Proxy;

public sealed class SniCertificateMapTests
{
    private static readonly X509Certificate2 Exact = SelfSigned("exact");
    private static readonly X509Certificate2 Wild = SelfSigned("wild");
    private static readonly X509Certificate2 Fallback = SelfSigned("fallback");

    private static X509Certificate2 SelfSigned(string cn)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static SniCertificateMap Map(string? defaultCertificate = null) => new(
    [
        new SniEntry("app.home.test", "exact", Exact, []),
        new SniEntry("*.home.test", "wild", Wild, []),
        new SniEntry("fallback.test", "fallback", Fallback, []),
    ], defaultCertificate);

    private static string? Subject(SniCertificateMap map, string? name) =>
        map.Select(name)?.ServerCertificateContext?.TargetCertificate.Subject;

    [Theory]
    [InlineData("app.home.test", "CN=exact")]
    [InlineData("APP.home.test.", "CN=exact")]
    [InlineData("other.home.test", "CN=wild")]
    public void Picks_the_exact_name_before_the_wildcard(string serverName, string subject) =>
        Assert.Equal(subject, Subject(Map(), serverName));

    [Theory]
    [InlineData("deep.other.home.test")]
    [InlineData("home.test")]
    [InlineData("bank.example")]
    [InlineData(null)]
    public void Refuses_names_no_certificate_covers_when_there_is_no_default(string? serverName) =>
        Assert.Null(Map().Select(serverName));

    [Fact]
    public void Falls_back_to_the_default_certificate_for_unknown_or_missing_names()
    {
        var map = Map("fallback");
        Assert.Equal("CN=fallback", Subject(map, "bank.example"));
        Assert.Equal("CN=fallback", Subject(map, null));
    }

    [Fact]
    public void Prepares_one_options_object_per_certificate_and_offers_h2_and_tls12_or_newer()
    {
        var map = Map();
        Assert.Same(map.Select("a.home.test"), map.Select("b.home.test"));
        var options = map.Select("app.home.test")!;
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, options.EnabledSslProtocols);
        Assert.Contains(System.Net.Security.SslApplicationProtocol.Http2, options.ApplicationProtocols!);
    }
}
