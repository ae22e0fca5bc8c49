using HomelabGate.Import.Npm.Reading;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>A certbot DNS plugin's credentials file ("dns_cloudflare_api_token = …" lines), as NPM stores it in
/// certificate.meta. Values stay <see cref="SecretText"/>.</summary>
internal sealed class CertbotCredentials
{
    private readonly Dictionary<string, SecretText> _values = new(StringComparer.OrdinalIgnoreCase);

    private CertbotCredentials()
    {
    }

    public static CertbotCredentials Parse(SecretText? text)
    {
        var credentials = new CertbotCredentials();
        foreach (var line in (text?.Value ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            var equals = trimmed.IndexOf('=');
            if (trimmed.StartsWith('#') || equals <= 0)
            {
                continue;
            }
            credentials._values[trimmed[..equals].Trim()] = new SecretText(trimmed[(equals + 1)..].Trim().Trim('"', '\''));
        }
        return credentials;
    }

    public SecretText? this[string key] => _values.TryGetValue(key, out var value) && value.Value.Length > 0 ? value : null;

    public string? Plain(string key) => this[key]?.Value;
}
