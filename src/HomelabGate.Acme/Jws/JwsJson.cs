using System.Text;
using System.Text.Json;

namespace HomelabGate.Acme.Jws;

/// <summary>Shared encoding for the flattened JWS JSON serialization (RFC 7515 §7.2.2).</summary>
internal static class JwsJson
{
    public static byte[] Object(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static string Flattened(byte[] protectedHeader, byte[] payload, Func<byte[], byte[]> sign)
    {
        var protectedB64 = Base64Url.EncodeToString(protectedHeader);
        var payloadB64 = Base64Url.EncodeToString(payload);
        var signature = sign(Encoding.ASCII.GetBytes(protectedB64 + "." + payloadB64));
        return Encoding.UTF8.GetString(Object(w =>
        {
            w.WriteString("protected", protectedB64);
            w.WriteString("payload", payloadB64);
            w.WriteString("signature", Base64Url.EncodeToString(signature));
        }));
    }
}
