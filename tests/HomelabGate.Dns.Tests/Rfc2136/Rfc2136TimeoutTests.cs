using System.Net;
using System.Net.Sockets;
using HomelabGate.Dns.Records;
using HomelabGate.Dns.Rfc2136;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Rfc2136;

public sealed class Rfc2136TimeoutTests
{
    [Fact]
    public async Task A_server_that_never_answers_gives_a_timeout_naming_the_address_and_the_bound()
    {
        // A UDP socket and a TCP listener that accept but never reply: a hung server.
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        using var tcp = new TcpListener(IPAddress.Loopback, port);
        tcp.Start();
        var options = Rfc2136ServerOptions.Create("127.0.0.1", port, "home.test",
            new TsigKey("k", "hmac-sha256", TestSecrets.Ref("S")), TimeSpan.FromSeconds(1));
        var client = new Rfc2136Client(options, new TestSecrets(new Dictionary<string, string> { ["S"] = Convert.ToBase64String(new byte[32]) }), TimeProvider.System);

        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => client.UpdateAsync(
            new Rfc2136Update().AddValues(DnsRecordSet.Create("a.home.test", DnsRecordType.A, 60, "10.0.0.1")), default));

        Assert.Equal("TIMEOUT", error.ResponseCode);
        Assert.Contains($"no answer from 127.0.0.1:{port} within 1 s", error.Message);
    }
}
