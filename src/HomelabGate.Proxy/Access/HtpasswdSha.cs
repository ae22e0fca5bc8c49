using System.Security.Cryptography;
using System.Text;

namespace HomelabGate.Proxy.Access;

/// <summary>Verifies <c>{SHA}</c> hashes (base64 of an unsalted SHA-1, <c>htpasswd -s</c>). Accepted read-only so an
/// existing htpasswd file keeps working; validation warns that it is fast to guess.</summary>
public static class HtpasswdSha
{
    public const string Prefix = "{SHA}";

    public static bool IsHtpasswdSha(string hash) => hash.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Verify(string password, string hash) =>
        IsHtpasswdSha(hash) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Compute(password)));

    public static string Compute(string password) => Prefix + Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
}
