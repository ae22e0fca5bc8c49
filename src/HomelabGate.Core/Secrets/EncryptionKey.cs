using System.Diagnostics.CodeAnalysis;

namespace HomelabGate.Core.Secrets;

/// <summary>The cluster's encryption key: exactly 32 bytes (AES-256), written as base64 (<c>openssl rand -base64 32</c>).</summary>
public static class EncryptionKey
{
    public const int Length = 32;

    public const string Hint = "create one with: openssl rand -base64 32 > cluster.key (and reference it as ${file:/path/cluster.key})";

    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? key, [NotNullWhen(false)] out string? problem)
    {
        key = null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            problem = "it is not base64";
            return false;
        }
        if (bytes.Length != Length)
        {
            problem = $"it decodes to {bytes.Length} bytes, not {Length}";
            return false;
        }
        key = bytes;
        problem = null;
        return true;
    }
}
