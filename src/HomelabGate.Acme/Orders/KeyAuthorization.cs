using System.Security.Cryptography;
using System.Text;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Protocol;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Orders;

/// <summary>RFC 8555 §8.1 key authorization and the §8.4 dns-01 TXT value derived from it.</summary>
public static class KeyAuthorization
{
    public static string Create(string token, Jwk accountJwk)
    {
        // The token ends up in DNS tooling and logs; RFC 8555 says it is base64url, so accept nothing else.
        if (token.Length == 0 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new Errors.AcmeException("the CA sent a challenge token that is not base64url");
        }
        return token + "." + accountJwk.Thumbprint();
    }

    public static string Dns01TxtValue(string keyAuthorization) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(keyAuthorization)));

    /// <summary>The TXT record that proves <paramref name="authorization"/>; apex and wildcard share one record name.</summary>
    public static Dns01Challenge Dns01(AcmeAuthorization authorization, AcmeChallenge challenge, Jwk accountJwk) =>
        new(authorization.RequestedName,
            $"_acme-challenge.{authorization.Identifier.Value}.",
            Dns01TxtValue(Create(challenge.Token ?? "", accountJwk)));
}
