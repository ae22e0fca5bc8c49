using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Jws;

/// <summary>Builds RFC 8555 §6.2 flattened JWS bodies: "jwk" in the header until the account URL ("kid") is known.</summary>
public sealed class JwsSigner(AccountKey key)
{
    public AccountKey Key => key;

    /// <param name="payload">JSON payload; null means POST-as-GET, whose payload is the empty string.</param>
    public string Sign(Uri url, string nonce, Uri? accountUrl, byte[]? payload)
    {
        var header = JwsJson.Object(w =>
        {
            w.WriteString("alg", key.JwsAlgorithm);
            if (accountUrl is null)
            {
                w.WritePropertyName("jwk");
                w.WriteRawValue(key.Jwk.CanonicalJson);
            }
            else
            {
                w.WriteString("kid", accountUrl.AbsoluteUri);
            }
            w.WriteString("nonce", nonce);
            w.WriteString("url", url.AbsoluteUri);
        });
        return JwsJson.Flattened(header, payload ?? [], data => key.Sign(data));
    }
}
