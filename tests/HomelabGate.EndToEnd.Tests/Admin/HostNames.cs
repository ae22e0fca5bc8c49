using System.Globalization;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>Generates Host header values for a loopback admin listener — the names it must answer to and the many
/// that a DNS-rebinding page (or a sloppy client) could send — each with whether it should be served.</summary>
public static class HostNames
{
    private static readonly string[] Served = ["127.0.0.1", "localhost", "LocalHost", "[::1]", "127.0.0.2", "127.255.255.254", "[::ffff:127.0.0.1]"];

    private static readonly string[] Refused =
    [
        "evil.example", "localhost.", "localhost.localdomain", "sub.localhost", "127.0.0.1.nip.io", "127.1", "2130706433",
        "0x7f000001", "0177.0.0.1", "127.000.000.001", "[::1", "::1", "[0:0:0:0:0:0:0:1%25lo]", "192.168.1.5", "10.0.0.1",
        "[fe80::1]", "xn--lcalhost-9za", "localhost%2e", "l0calhost", "127.0.0.1 evil", "a@127.0.0.1", "[::]", "0.0.0.0",
    ];

    public static (string Host, bool Allowed) Next(Random random, int adminPort)
    {
        var allowed = random.Next(3) == 0;
        var name = allowed ? Served[random.Next(Served.Length)] : Refused[random.Next(Refused.Length)];
        if (!allowed && random.Next(4) == 0)
        {
            name = RandomLabel(random) + "." + RandomLabel(random);
        }
        var port = random.Next(4) switch
        {
            0 => "",
            1 => ":" + adminPort.ToString(CultureInfo.InvariantCulture),
            2 => ":" + random.Next(1, 65536).ToString(CultureInfo.InvariantCulture),
            _ => ":" + adminPort.ToString(CultureInfo.InvariantCulture),
        };
        return (name + port, allowed);
    }

    private static string RandomLabel(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789-"[random.Next(37)]));
}
