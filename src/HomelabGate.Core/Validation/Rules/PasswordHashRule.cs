using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Basic-auth users carry a bcrypt password hash (as htpasswd -B writes it) or a secret reference
/// to one — never a plain password in a file that lives in git.</summary>
public sealed class PasswordHashRule : IManifestRule
{
    // SHA-crypt ($5$, $6$) is not verified yet; accepting it would lock its users out without a word.
    private static readonly string[] HashPrefixes = ["$2a$", "$2b$", "$2y$"];

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
                var sha = value.StartsWith("$5$", StringComparison.Ordinal) || value.StartsWith("$6$", StringComparison.Ordinal);
                yield return Diagnostic.Error(DiagnosticCodes.InlineSecret,
                    sha ? $"user '{user}' in access list '{listName}' has a SHA-crypt hash, which this version cannot verify"
                        : $"user '{user}' in access list '{listName}' has what looks like a plain password",
                    manifest.Map.Value($"accessLists.{listName}.users.{user}"),
                    "store a hash instead: run 'gate hash-password' and paste its output (or use ${env:NAME})") with { QuotesSecret = !sha };
            }
        }
    }

    public static bool IsHash(string value) => HashPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));
}
