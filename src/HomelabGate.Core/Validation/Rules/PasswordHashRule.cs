using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Basic-auth users carry a password hash — bcrypt (htpasswd -B, gate hash-password) or SHA-crypt (openssl
/// passwd -5/-6, mkpasswd) — or a secret reference to one, never a plain password in a file that lives in git. The
/// hashes htpasswd and Nginx Proxy Manager write by default, Apache MD5 (<c>$apr1$</c>) and <c>{SHA}</c>, are accepted so
/// an existing file keeps working, with a warning: both are fast to guess.</summary>
public sealed class PasswordHashRule : IManifestRule
{
    private static readonly string[] HashPrefixes = ["$2a$", "$2b$", "$2y$", "$5$", "$6$"];

    private static readonly (string Prefix, string Kind)[] LegacyPrefixes = [("$apr1$", "an Apache MD5 ($apr1$)"), ("{SHA}", "an unsalted {SHA}")];

    /// <summary>Kinds /etc/shadow and other tools write that are not served; named, so the error does not call a hash a password.</summary>
    private static readonly (string Prefix, string Kind)[] UnknownHashes =
        [("$1$", "an MD5-crypt ($1$)"), ("$y$", "a yescrypt ($y$)"), ("$gy$", "a gost-yescrypt ($gy$)"), ("$argon2", "an Argon2"), ("$7$", "a scrypt ($7$)")];

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (listName, list) in manifest.Spec.AccessLists)
        {
            foreach (var (user, value) in list.Users ?? [])
            {
                if (IsHash(value) || SecretReference.TryParse(value, out _))
                {
                    continue;
                }
                var location = manifest.Map.Value($"accessLists.{listName}.users.{user}");
                if (LegacyPrefixes.FirstOrDefault(p => value.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Kind: { } kind })
                {
                    yield return Diagnostic.Warning(DiagnosticCodes.LegacyPasswordHash,
                        $"user '{user}' in access list '{listName}' has {kind} hash: it works, but it is fast to guess",
                        location, "replace it with a bcrypt hash: 'gate hash-password' (or htpasswd -B) prints one");
                    continue;
                }
                var refused = UnknownHashes.FirstOrDefault(p => value.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Kind: { } unknown }
                    ? Diagnostic.Error(DiagnosticCodes.InlineSecret,
                        $"user '{user}' in access list '{listName}' has {unknown} hash, which gate cannot check",
                        location, "use bcrypt ('gate hash-password', htpasswd -B) or SHA-crypt (openssl passwd -6)")
                    : Diagnostic.Error(DiagnosticCodes.InlineSecret, $"user '{user}' in access list '{listName}' has what looks like a plain password",
                        location, "store a hash instead: run 'gate hash-password' and paste its output (or use ${env:NAME})");
                yield return refused with { QuotesSecret = true };
            }
        }
    }

    public static bool IsHash(string value) => HashPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));

}
