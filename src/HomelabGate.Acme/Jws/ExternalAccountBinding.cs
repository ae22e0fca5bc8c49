using System.Security.Cryptography;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Jws;

/// <summary>RFC 8555 §7.3.4 external account binding: an HS256 JWS over the account's public JWK, keyed by a MAC key
/// the CA handed out. A class, not a record, so the MAC key never appears in a generated ToString.</summary>
public sealed class ExternalAccountBinding
{
    private readonly byte[] _macKey;

    public ExternalAccountBinding(string keyId, ReadOnlySpan<byte> macKey)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new ArgumentException("the EAB key id is empty", nameof(keyId));
        }
        if (macKey.IsEmpty)
        {
            throw new ArgumentException("the EAB MAC key is empty", nameof(macKey));
        }
        KeyId = keyId;
        _macKey = macKey.ToArray();
    }

    public string KeyId { get; }

    /// <summary>CAs publish the MAC key base64url-encoded (some with padding or the standard alphabet).</summary>
    public static ExternalAccountBinding FromBase64Url(string keyId, string macKey)
    {
        var normalized = macKey.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            return new ExternalAccountBinding(keyId, Base64Url.DecodeFromChars(normalized));
        }
        catch (FormatException)
        {
            throw new ArgumentException($"the EAB MAC key for key id '{keyId}' is not base64url", nameof(macKey));
        }
    }

    /// <summary>The flattened JWS to place in newAccount's "externalAccountBinding" member.</summary>
    public string Sign(Jwk accountJwk, Uri newAccountUrl)
    {
        var header = JwsJson.Object(w =>
        {
            w.WriteString("alg", "HS256");
            w.WriteString("kid", KeyId);
            w.WriteString("url", newAccountUrl.AbsoluteUri);
        });
        var payload = System.Text.Encoding.UTF8.GetBytes(accountJwk.CanonicalJson);
        return JwsJson.Flattened(header, payload, data => HMACSHA256.HashData(_macKey, data));
    }

    public override string ToString() => $"ExternalAccountBinding(kid {KeyId}, key (secret))";
}
