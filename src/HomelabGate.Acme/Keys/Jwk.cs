using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HomelabGate.Acme.Keys;

/// <summary>A public JSON Web Key holding only the RFC 7638 required members, in lexicographic order and without
/// whitespace, so <see cref="CanonicalJson"/> is both the "jwk" header value and the thumbprint input.</summary>
public sealed record Jwk(string CanonicalJson)
{
    public static Jwk FromEcPoint(ECPoint point)
    {
        // Members sorted: crv, kty, x, y.
        return new Jwk(Write(w =>
        {
            w.WriteString("crv", "P-256");
            w.WriteString("kty", "EC");
            w.WriteString("x", Base64Url.EncodeToString(point.X));
            w.WriteString("y", Base64Url.EncodeToString(point.Y));
        }));
    }

    public static Jwk FromRsa(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent)
    {
        var n = modulus.TrimStart((byte)0).ToArray();
        var e = exponent.TrimStart((byte)0).ToArray();
        // Members sorted: e, kty, n.
        return new Jwk(Write(w =>
        {
            w.WriteString("e", Base64Url.EncodeToString(e));
            w.WriteString("kty", "RSA");
            w.WriteString("n", Base64Url.EncodeToString(n));
        }));
    }

    /// <summary>RFC 7638: base64url(SHA-256(canonical JSON)).</summary>
    public string Thumbprint() => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));

    private static string Write(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
