using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Validation.Rules;

/// <summary><c>settings.notifications</c>: the webhook is an http(s) URL or a secret reference to one, and a header that
/// carries a credential (Authorization, a token, a key) is a secret reference — never a value in a file kept in git.</summary>
public sealed class NotificationRule : IManifestRule
{
    private static readonly string[] CredentialWords = ["auth", "token", "key", "secret", "password", "cookie"];

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        if (manifest.Spec.Settings.Notifications?.Webhook is not { } webhook)
        {
            yield break;
        }
        if (!SecretReference.TryParse(webhook.Url, out _) && UrlRule.Problem(webhook.Url) is { } problem)
        {
            yield return Diagnostic.Error(DiagnosticCodes.InvalidUrl, $"the webhook URL is not usable: {problem}",
                manifest.Map.Value("settings.notifications.webhook.url"),
                "write it as https://ntfy.example.com/homelab, or as ${env:NAME} when the URL holds a token") with { QuotesSecret = true };
        }
        foreach (var (name, value) in webhook.Headers ?? [])
        {
            if (CredentialWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) && !SecretReference.TryParse(value, out _))
            {
                yield return Diagnostic.Error(DiagnosticCodes.InlineSecret, $"the webhook header '{name}' carries a credential written inline",
                    manifest.Map.Value($"settings.notifications.webhook.headers.{name}"),
                    "put it in a file or the environment and write ${file:/run/secrets/name} or ${env:NAME}") with { QuotesSecret = true };
            }
        }
    }
}
