using System.Globalization;
using System.Security.Cryptography;

namespace HomelabGate.Core.Desired;

/// <summary>A host's custom error pages: <c>settings.errorPages</c> with the host's own <c>errorPages</c> over them, paths
/// made absolute against the manifest's folder. Null when there are none, so plans of hosts without pages are unchanged.</summary>
internal static class ErrorPagesBuilder
{
    public static ValueList<ErrorPageFile>? Build(Dictionary<string, string>? settings, Dictionary<string, string>? host, ManifestFolder folder)
    {
        var merged = new SortedDictionary<int, string>();
        foreach (var (status, path) in (settings ?? []).Concat(host ?? []))
        {
            if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                merged[code] = folder.File(path) ?? path;
            }
        }
        return merged.Count == 0 ? null : new ValueList<ErrorPageFile>(merged.Select(p => new ErrorPageFile(p.Key, p.Value, Digest(p.Value))));
    }

    /// <summary>The first 12 hex digits of the file's SHA-256; null when it cannot be read (validation says why).</summary>
    private static string? Digest(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return stream.Length > ErrorPageFile.MaxBytes ? null : Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
