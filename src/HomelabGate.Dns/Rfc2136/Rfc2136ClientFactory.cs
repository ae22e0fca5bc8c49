using HomelabGate.Core.Desired;
using HomelabGate.Core.Net;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>One way to reach an RFC 2136 primary from the manifest's fields — <c>server</c> (IP, port 53 unless given),
/// <c>zone</c> and the <c>tsig</c> block — shared by DNS records and DNS-01.</summary>
public sealed class Rfc2136ClientFactory(ISecretResolver secrets, TimeProvider time)
{
    public const int DefaultPort = 53;

    public Rfc2136Client Create(string server, string zone, TsigKeySpec? tsig)
    {
        var at = HostPort.Parse(server, DefaultPort);
        var key = tsig is null ? null : new TsigKey(tsig.Name, tsig.Algorithm, SecretReferences.Require(tsig.Secret, "tsig.secret"));
        return new Rfc2136Client(Rfc2136ServerOptions.Create(at.Host, at.Port, zone, key), secrets, time);
    }
}
