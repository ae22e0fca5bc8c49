using System.Globalization;
using System.Text.RegularExpressions;

namespace HomelabGate.Proxy.Access;

/// <summary>A well-formed hash nobody's password matches, as costly to check as the access list's own: a login for an
/// unknown user is checked against it, so a wrong password costs the same time whether the user exists or not and
/// user names cannot be found by timing. The slowest kind in the list is copied (bcrypt at its highest cost, else
/// SHA-crypt at its most rounds, else Apache MD5, else {SHA}); a list mixing costs lets users of the cheaper ones be
/// told apart.</summary>
public static partial class DummyHash
{
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string For(IEnumerable<string> hashes)
    {
        var list = hashes.ToList();
        var bcryptCost = list.Select(h => Bcrypt().Match(h)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();
        if (bcryptCost < 0 && !list.Any(ShaCrypt.IsShaCrypt))
        {
            if (list.Any(ApacheMd5.IsApacheMd5))
            {
                return $"{ApacheMd5.Prefix}{Filler(8)}${Filler(22)}";
            }
            if (list.Any(HtpasswdSha.IsHtpasswdSha))
            {
                return HtpasswdSha.Prefix + Filler(27) + "=";
            }
        }
        if (bcryptCost >= 0 || !list.Any(ShaCrypt.IsShaCrypt))
        {
            return $"$2y${(bcryptCost >= 0 ? bcryptCost : 10):D2}${Filler(22)}{Filler(31)}";
        }
        var sha512 = list.Any(h => h.StartsWith("$6$", StringComparison.Ordinal));
        var rounds = list.Where(ShaCrypt.IsShaCrypt).Select(h => Rounds().Match(h)).Select(m => m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 5000).Max();
        return $"${(sha512 ? 6 : 5)}$rounds={rounds}${Filler(16)}${Filler(sha512 ? 86 : 43)}";
    }

    private static string Filler(int length) => string.Concat(Enumerable.Range(0, length).Select(i => Alphabet[(i * 7) % Alphabet.Length]));

    [GeneratedRegex(@"^\$2[abxy]?\$(\d{2})\$")]
    private static partial Regex Bcrypt();

    [GeneratedRegex(@"^\$[56]\$rounds=(\d+)\$")]
    private static partial Regex Rounds();
}
