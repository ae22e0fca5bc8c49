using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace HomelabGate.Proxy.Access;

/// <summary>Checks HTTP basic credentials against bcrypt or SHA-crypt hashes. Both are deliberately slow (tens of milliseconds), so a
/// successful login is remembered for a short time under a SHA-256 of the header — never the password itself — or
/// every proxied request would pay for a hash verification.</summary>
public sealed class BasicAuthenticator(IReadOnlyDictionary<string, string> hashes, string realm, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public string Challenge { get; } = $"Basic realm=\"{realm.Replace("\"", "'", StringComparison.Ordinal)}\", charset=\"UTF-8\"";

    public bool Authenticate(StringValues authorization)
    {
        var header = authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
        var now = time.GetUtcNow();
        if (_verified.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }
        if (!Verify(header[6..].Trim()))
        {
            return false;
        }
        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }
        _verified[key] = now + Remember;
        return true;
    }

    private bool Verify(string encoded)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0 || !hashes.TryGetValue(decoded[..colon], out var hash))
        {
            return false;
        }
        try
        {
            var password = decoded[(colon + 1)..];
            return ShaCrypt.IsShaCrypt(hash) ? ShaCrypt.Verify(password, hash) : BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
