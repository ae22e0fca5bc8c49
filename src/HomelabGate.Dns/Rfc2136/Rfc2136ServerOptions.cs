using System.Net;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>Where updates go: the zone's primary server. <paramref name="Key"/> null sends unsigned messages
/// (BIND then answers REFUSED unless the zone allows it by address).</summary>
public sealed record Rfc2136ServerOptions(IPEndPoint Server, string Zone, TsigKey? Key, TimeSpan Timeout)
{
    public static Rfc2136ServerOptions Create(string host, int port, string zone, TsigKey? key, TimeSpan? timeout = null) =>
        new(new IPEndPoint(IPAddress.Parse(host), port), zone, key, timeout ?? TimeSpan.FromSeconds(5));

    /// <summary>"127.0.0.1:5353", as error messages show it.</summary>
    public string ServerText => Server.ToString();
}
