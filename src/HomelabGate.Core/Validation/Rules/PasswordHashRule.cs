using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Basic-auth users carry a password hash — bcrypt (htpasswd -B, gate hash-password) or SHA-crypt (openssl
/// passwd -5/-6, mkpasswd) — or a secret reference
/// to one — never a plain password in a file that lives in git.</summary>
public sealed class PasswordHashRule : IManifestRule
{
    private static readonly string[] HashPrefixes = ["$2a$", "$2b$", "$2y$", "$5$", "$6$"];

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
                yield return Diagnostic.Error(DiagnosticCodes.InlineSecret,
                    $"user '{user}' in access list '{listName}' has what looks like a plain password",
                    manifest.Map.Value($"accessLists.{listName}.users.{user}"),
                    "store a hash instead: run 'gate hash-password' and paste its output (or use ${env:NAME})") with { QuotesSecret = true };
            }
        }
    }

    public static bool IsHash(string value) => HashPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));
}
