using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Renewal;

namespace HomelabGate.Acme.Tests.Renewal;

public sealed class AcmeRenewalInfoTests
{
    private static readonly Uri Url = new("https://ca.test/renewal-info/x");

    [Fact]
    public void The_certificate_ID_matches_the_RFC_9773_example()
    {
        // RFC 9773 §4.1: AKI keyIdentifier 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4, serial 00:87:65:43:21.
        byte[] aki = [0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0, 0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4];
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=example.com", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(aki));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(new X500DistinguishedName("CN=Issuer"), X509SignatureGenerator.CreateForECDsa(key), now, now.AddDays(1), [0x00, 0x87, 0x65, 0x43, 0x21]);

        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", AcmeRenewalInfo.CertificateId(certificate));
    }

    [Fact]
    public void A_suggested_window_is_read_with_its_explanation_and_retry_advice()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"suggestedWindow":{"start":"2025-01-02T04:00:00Z","end":"2025-01-03T04:00:00Z"},"explanationURL":"https://acme.example.com/docs/ari"}
            """);

        var window = AcmeRenewalInfo.ParseWindow(body, TimeSpan.FromHours(6), Url);

        Assert.Equal(new AcmeRenewalWindow(
            new DateTimeOffset(2025, 1, 2, 4, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 3, 4, 0, 0, TimeSpan.Zero),
            new Uri("https://acme.example.com/docs/ari"),
            TimeSpan.FromHours(6)), window);
    }

    [Theory]
    [InlineData("""{"suggestedWindow":{"start":"2025-01-03T04:00:00Z","end":"2025-01-02T04:00:00Z"}}""", "has a window that ends before it starts")]
    [InlineData("""{"window":{}}""", "is not a valid suggestedWindow document")]
    [InlineData("""{"suggestedWindow":{"start":"tomorrow","end":"2025-01-02T04:00:00Z"}}""", "is not a valid suggestedWindow document")]
    [InlineData("not json", "is not a valid suggestedWindow document")]
    public void A_broken_window_is_reported(string json, string why)
    {
        var error = Assert.Throws<AcmeException>(() => AcmeRenewalInfo.ParseWindow(Encoding.UTF8.GetBytes(json), null, Url));

        Assert.StartsWith($"the CA's renewal information at {Url} {why}", error.Message, StringComparison.Ordinal);
    }
}
