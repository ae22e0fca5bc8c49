namespace HomelabGate.Daemon.AccessLog;

/// <summary>Replaces the values of query parameters that look like credentials (token, password, key, secret, …) so
/// access logs can be kept and shared. Over-redacting a harmless "keyword=" is the price of never logging an API key.</summary>
public static class QueryRedactor
{
    public const string Redacted = "REDACTED";

    private static readonly string[] SensitiveParts =
        ["token", "passw", "pwd", "secret", "key", "auth", "session", "signature", "credential", "jwt"];

    private static readonly string[] SensitiveNames = ["code", "sig", "pass"];

    /// <param name="query">The raw query string as received, with or without its leading '?'.</param>
    /// <returns>The same query string with sensitive values replaced; empty for an empty query.</returns>
    public static string Redact(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return "";
        }
        var body = query.StartsWith('?') ? query[1..] : query;
        var parts = body.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parts[i] : parts[i][..equals];
            if (equals >= 0 && IsSensitive(Decode(name)))
            {
                parts[i] = $"{name}={Redacted}";
            }
        }
        return "?" + string.Join('&', parts);
    }

    public static bool IsSensitive(string name)
    {
        // Separators dropped, so "api_key", "api-key", "apiKey" and "pass word" all read as what they mean.
        var lower = new string([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return SensitiveNames.Contains(lower) || SensitiveParts.Any(p => lower.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>Percent- and plus-decoding, so "api%5Fkey" or "pass+word" cannot slip past the name check.</summary>
    private static string Decode(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }
}
