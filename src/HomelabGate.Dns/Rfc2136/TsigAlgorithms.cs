using ARSoft.Tools.Net.Dns;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>Maps BIND/nsupdate algorithm names to ARSoft's enum, with a clear error for anything unknown.</summary>
internal static class TsigAlgorithms
{
    public static TSigAlgorithm Parse(string name) => name.Trim().TrimEnd('.').ToLowerInvariant() switch
    {
        "hmac-sha1" => TSigAlgorithm.Sha1,
        "hmac-sha224" => TSigAlgorithm.Sha224,
        "hmac-sha256" => TSigAlgorithm.Sha256,
        "hmac-sha384" => TSigAlgorithm.Sha384,
        "hmac-sha512" => TSigAlgorithm.Sha512,
        "hmac-md5" or "hmac-md5.sig-alg.reg.int" => TSigAlgorithm.Md5,
        _ => throw new ArgumentException(
            $"TSIG algorithm '{name}' is not supported; use hmac-sha256 (recommended), hmac-sha512 or hmac-sha1"),
    };
}
