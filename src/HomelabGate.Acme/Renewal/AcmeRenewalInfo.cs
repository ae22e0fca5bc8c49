using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Renewal;

/// <summary>RFC 9773 ACME Renewal Information: the certificate identifier and the suggested-window document.</summary>
public static class AcmeRenewalInfo
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";

    /// <summary>base64url(AKI keyIdentifier) "." base64url(serial number DER content bytes).</summary>
    public static string CertificateId(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[AuthorityKeyIdentifierOid]
            ?? throw new ArgumentException($"certificate {certificate.Subject} has no Authority Key Identifier, so it has no ARI certificate ID", nameof(certificate));
        var aki = new X509AuthorityKeyIdentifierExtension(extension.RawData, extension.Critical);
        if (aki.KeyIdentifier is not { } keyId)
        {
            throw new ArgumentException($"certificate {certificate.Subject} has an Authority Key Identifier without a key identifier", nameof(certificate));
        }
        // GetSerialNumber is little-endian; ARI wants the big-endian DER INTEGER content (leading 0x00 kept).
        var serial = certificate.GetSerialNumber();
        Array.Reverse(serial);
        return Base64Url.EncodeToString(keyId.Span) + "." + Base64Url.EncodeToString(serial);
    }

    public static AcmeRenewalWindow ParseWindow(byte[] body, TimeSpan? retryAfter, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var window = document.RootElement.GetProperty("suggestedWindow");
            var start = window.GetProperty("start").GetDateTimeOffset();
            var end = window.GetProperty("end").GetDateTimeOffset();
            if (end < start)
            {
                throw new AcmeException($"the CA's renewal information at {url} has a window that ends before it starts");
            }
            Uri? explanation = null;
            if (document.RootElement.TryGetProperty("explanationURL", out var e) && e.ValueKind == JsonValueKind.String)
            {
                Uri.TryCreate(e.GetString(), UriKind.Absolute, out explanation);
            }
            return new AcmeRenewalWindow(start, end, explanation, retryAfter);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new AcmeException($"the CA's renewal information at {url} is not a valid suggestedWindow document ({e.Message})", innerException: e);
        }
    }
}
