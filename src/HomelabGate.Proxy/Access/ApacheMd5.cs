using System.Security.Cryptography;
using System.Text;

namespace HomelabGate.Proxy.Access;

/// <summary>Verifies Apache's MD5 hashes (<c>$apr1$salt$digest</c>: Poul-Henning Kamp's MD5-crypt with Apache's magic),
/// what <c>htpasswd</c> without -B, <c>openssl passwd -apr1</c> and Nginx Proxy Manager write. Accepted read-only so an
/// existing htpasswd file keeps working; validation warns that it is fast to guess (1,000 MD5 rounds). Tested against
/// both tools.</summary>
public static class ApacheMd5
{
    public const string Prefix = "$apr1$";
    private const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static bool IsApacheMd5(string hash) => hash.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Verify(string password, string hash)
    {
        if (!IsApacheMd5(hash))
        {
            return false;
        }
        var rest = hash[Prefix.Length..];
        var dollar = rest.IndexOf('$', StringComparison.Ordinal);
        if (dollar < 0)
        {
            return false;
        }
        var salt = rest[..Math.Min(dollar, 8)];
        var expected = Encoding.ASCII.GetBytes(hash);
        var actual = Encoding.ASCII.GetBytes(Compute(Encoding.UTF8.GetBytes(password), salt));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The whole hash string for a password and salt (at most 8 characters), as htpasswd writes it.</summary>
    public static string Compute(byte[] password, string salt)
    {
        var saltBytes = Encoding.ASCII.GetBytes(salt);
        var alternate = MD5.HashData([.. password, .. saltBytes, .. password]);
        var context = new List<byte>([.. password, .. Encoding.ASCII.GetBytes(Prefix), .. saltBytes]);
        for (var left = password.Length; left > 0; left -= 16)
        {
            context.AddRange(alternate.Take(Math.Min(left, 16)));
        }
        for (var bits = password.Length; bits != 0; bits >>= 1)
        {
            context.Add((bits & 1) != 0 ? (byte)0 : password[0]);
        }
        var digest = MD5.HashData([.. context]);
        for (var round = 0; round < 1000; round++)
        {
            var next = new List<byte>((password.Length * 2) + saltBytes.Length + 16);
            next.AddRange((round & 1) != 0 ? password : digest);
            if (round % 3 != 0)
            {
                next.AddRange(saltBytes);
            }
            if (round % 7 != 0)
            {
                next.AddRange(password);
            }
            next.AddRange((round & 1) != 0 ? digest : password);
            digest = MD5.HashData([.. next]);
        }
        return $"{Prefix}{salt}${Encode(digest)}";
    }

    private static string Encode(byte[] d)
    {
        var text = new StringBuilder(22);
        foreach (var (a, b, c) in new[] { (0, 6, 12), (1, 7, 13), (2, 8, 14), (3, 9, 15), (4, 10, 5) })
        {
            Append(text, (d[a] << 16) | (d[b] << 8) | d[c], 4);
        }
        Append(text, d[11], 2);
        return text.ToString();
    }

    private static void Append(StringBuilder text, int value, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text.Append(Alphabet[value & 0x3f]);
            value >>= 6;
        }
    }
}
