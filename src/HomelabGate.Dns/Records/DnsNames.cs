using System.Net;

namespace HomelabGate.Dns.Records;

/// <summary>Normalization shared by every provider: names are absolute and lower-case, addresses canonical,
/// so that values read back from a server compare equal to the values the manifest asked for.</summary>
public static class DnsNames
{
    public static string Absolute(string name)
    {
        var trimmed = name.Trim().ToLowerInvariant();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    /// <summary>The name without its trailing dot, as hosts files, Pi-hole and HTTP APIs expect it.</summary>
    public static string Relative(string name) => Absolute(name).TrimEnd('.');

    public static bool IsInZone(string name, string zone)
    {
        var n = Absolute(name);
        var z = Absolute(zone);
        return n == z || n.EndsWith("." + z, StringComparison.Ordinal);
    }

    public static string NormalizeValue(DnsRecordType type, string value) => type switch
    {
        DnsRecordType.A or DnsRecordType.AAAA => IPAddress.Parse(value.Trim()).ToString(),
        DnsRecordType.CNAME => Absolute(value),
        _ => value,
    };
}
