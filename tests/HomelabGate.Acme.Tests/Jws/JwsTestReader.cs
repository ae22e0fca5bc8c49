using System.Text;
using System.Text.Json;

namespace HomelabGate.Acme.Tests.Jws;

/// <summary>Reads a flattened JWS back: header, payload and signing input, as a CA would.</summary>
internal sealed record JwsTestReader(JsonElement Header, string Payload, byte[] SigningInput, byte[] Signature)
{
    public static JwsTestReader Parse(string flattened)
    {
        using var doc = JsonDocument.Parse(flattened);
        var root = doc.RootElement;
        var protectedB64 = root.GetProperty("protected").GetString()!;
        var payloadB64 = root.GetProperty("payload").GetString()!;
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(protectedB64)).RootElement.Clone();
        return new JwsTestReader(
            header,
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payloadB64)),
            Encoding.ASCII.GetBytes(protectedB64 + "." + payloadB64),
            Base64Url.DecodeFromChars(root.GetProperty("signature").GetString()!));
    }
}
