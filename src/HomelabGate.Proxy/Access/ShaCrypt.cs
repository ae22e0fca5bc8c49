using System.Security.Cryptography;
using System.Text;

namespace HomelabGate.Proxy.Access;

/// <summary>Verifies SHA-crypt hashes ($5$ SHA-256, $6$ SHA-512; Drepper's specification, as glibc's crypt(3),
/// <c>openssl passwd -5/-6</c> and <c>mkpasswd</c> write them). No served library implements it; it is short, and
/// tested against openssl itself.</summary>
public static class ShaCrypt
{
    private const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int DefaultRounds = 5000;

    private static readonly int[] Order256 = [0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6, 16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29];

    public static bool IsShaCrypt(string hash) => hash.StartsWith("$5$", StringComparison.Ordinal) || hash.StartsWith("$6$", StringComparison.Ordinal);

    public static bool Verify(string password, string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length is < 4 or > 5 || !IsShaCrypt(hash))
        {
            return false;
        }
        var rounds = DefaultRounds;
        var saltIndex = 2;
        if (parts.Length == 5 && parts[2].StartsWith("rounds=", StringComparison.Ordinal))
        {
            if (!int.TryParse(parts[2]["rounds=".Length..], out rounds))
            {
                return false;
            }
            rounds = Math.Clamp(rounds, 1000, 999_999_999);
            saltIndex = 3;
        }
        var salt = parts[saltIndex].Length > 16 ? parts[saltIndex][..16] : parts[saltIndex];
        var expected = Encoding.ASCII.GetBytes(parts[^1]);
        var actual = Encoding.ASCII.GetBytes(Compute(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), rounds, parts[1] == "6"));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string Compute(byte[] password, byte[] salt, int rounds, bool sha512)
    {
        Func<byte[], byte[]> hash = sha512 ? SHA512.HashData : SHA256.HashData;
        var size = sha512 ? 64 : 32;
        var b = hash([.. password, .. salt, .. password]);
        var a = new List<byte>(password.Concat(salt));
        for (var left = password.Length; left > 0; left -= size)
        {
            a.AddRange(b.Take(Math.Min(left, size)));
        }
        for (var length = password.Length; length > 0; length >>= 1)
        {
            a.AddRange((length & 1) != 0 ? b : password);
        }
        var current = hash([.. a]);
        var pSequence = Repeat(hash([.. Enumerable.Repeat(password, password.Length).SelectMany(p => p)]), password.Length);
        var sSequence = Repeat(hash([.. Enumerable.Repeat(salt, 16 + current[0]).SelectMany(s => s)]), salt.Length);
        for (var i = 0; i < rounds; i++)
        {
            var round = new List<byte>((size * 2) + (password.Length * 2) + salt.Length);
            round.AddRange((i & 1) != 0 ? pSequence : current);
            if (i % 3 != 0)
            {
                round.AddRange(sSequence);
            }
            if (i % 7 != 0)
            {
                round.AddRange(pSequence);
            }
            round.AddRange((i & 1) != 0 ? current : pSequence);
            current = hash([.. round]);
        }
        return sha512 ? Encode512(current) : Encode256(current);
    }

    private static byte[] Repeat(byte[] digest, int length) =>
        [.. Enumerable.Range(0, length).Select(i => digest[i % digest.Length])];

    private static string Encode256(byte[] d)
    {
        var text = new StringBuilder(43);
        for (var i = 0; i < Order256.Length; i += 3)
        {
            Append(text, d[Order256[i]], d[Order256[i + 1]], d[Order256[i + 2]], 4);
        }
        Append(text, 0, d[31], d[30], 3);
        return text.ToString();
    }

    private static string Encode512(byte[] d)
    {
        var text = new StringBuilder(86);
        // glibc's order: (0,21,42), (22,43,1), (44,2,23), then the same rotation shifted by 3 each step.
        for (var k = 0; k < 21; k++)
        {
            var (x, y, z) = (k % 3) switch
            {
                0 => (k, k + 21, k + 42),
                1 => (k + 21, k + 42, k),
                _ => (k + 42, k, k + 21),
            };
            Append(text, d[x], d[y], d[z], 4);
        }
        Append(text, 0, 0, d[63], 2);
        return text.ToString();
    }

    private static void Append(StringBuilder text, byte b2, byte b1, byte b0, int count)
    {
        var w = (b2 << 16) | (b1 << 8) | b0;
        for (var i = 0; i < count; i++)
        {
            text.Append(Alphabet[w & 0x3f]);
            w >>= 6;
        }
    }
}
