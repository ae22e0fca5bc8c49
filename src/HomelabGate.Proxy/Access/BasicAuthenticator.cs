using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Proxy.Access;

/// <summary>Checks HTTP basic credentials against bcrypt or SHA-crypt hashes (or htpasswd's Apache MD5 and {SHA}). The
/// first two are deliberately slow (tens of milliseconds), so a successful login is remembered for a short time under a SHA-256 of the header — never the password itself — or
/// every proxied request would pay for a hash verification. An unknown user's password is checked against a
/// <see cref="DummyHash"/> of the same cost, so the answer takes as long as for a known user's wrong password.</summary>
public sealed class BasicAuthenticator(IReadOnlyDictionary<string, string> hashes, string realm, TimeProvider time, IPasswordVerifier verifier)
{
    private readonly string _dummyHash = DummyHash.For(hashes.Values);
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public string Challenge { get; } = $"Basic realm=\"{realm.Replace("\"", "'", StringComparison.Ordinal)}\", charset=\"UTF-8\"";

    /// <summary>Completes synchronously for a remembered login or a malformed header; only a new login waits for a hash check.</summary>
    public ValueTask<bool> AuthenticateAsync(StringValues authorization)
    {
        var header = authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(false);
        }
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
        if (_verified.TryGetValue(key, out var until) && until > time.GetUtcNow())
        {
            return ValueTask.FromResult(true);
        }
        return new ValueTask<bool>(VerifyAndRememberAsync(header[6..].Trim(), key));
    }

    private async Task<bool> VerifyAndRememberAsync(string encoded, string key)
    {
        if (Decode(encoded) is not var (user, password))
        {
            return false;
        }
        var known = hashes.TryGetValue(user, out var hash);
        if (!await verifier.VerifyAsync(password, known ? hash! : _dummyHash) || !known)
        {
            return false;
        }
        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }
        _verified[key] = time.GetUtcNow() + Remember;
        return true;
    }

    private static (string User, string Password)? Decode(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
