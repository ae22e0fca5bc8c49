using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>A host or stream whose target is the admin listener turns every client into a "local" one unless the
/// admin listener knows the gate's own connections. Validation refuses such targets when it can see them; these
/// name the target <c>localhost</c>, as a target that slips past it would, to test the runtime guard behind it.</summary>
public sealed class AdminRelayTests(AdminRelayTests.Daemon daemon) : IClassFixture<AdminRelayTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Theory]
    [InlineData("relay.test")]
    [InlineData("relay-bare.test")]
    public async Task A_host_forwarding_to_the_admin_listener_does_not_make_its_clients_local(string host)
    {
        var result = await Gate.GetAsync(host, "/api/status");

        Assert.True(result.Status is 403 or 421, result.ToString());
        Assert.DoesNotContain("servingManifestHash", result.Body);
    }

    [Fact]
    public async Task The_host_that_hides_every_forwarding_trace_is_recognised_as_the_gates_own_connection()
    {
        var result = await Gate.GetAsync("relay-bare.test", "/api/status");

        Assert.Equal("forbidden: this request was relayed by the gate itself (a host or stream forwards to the admin listener), so it is not local; use settings.adminToken\n", result.Body);
    }

    [Fact]
    public async Task A_stream_to_the_admin_port_can_neither_read_the_status_nor_trigger_a_reconcile()
    {
        var before = await Gate.LastReconcileAsync();

        var status = await RawHttp.SendAsync(daemon.StreamPort, $"GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:{Gate.Workspace.Ports.Admin}\r\nConnection: close\r\n\r\n");
        var post = await RawHttp.SendAsync(daemon.StreamPort,
            $"POST /api/reconcile HTTP/1.1\r\nHost: 127.0.0.1\r\nX-HomelabGate: 1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}");

        Assert.True(status.Status == 403, status.ToString());
        Assert.Contains("relayed by the gate itself", status.Text);
        Assert.True(post.Status == 403, post.ToString());
        await Gate.AssertNoReconcilePostSinceAsync(before);
    }

    public sealed class Daemon : GateFixture
    {
        public int StreamPort { get; } = FreePort.Next();

        protected override string InitialManifest() => Manifests.Header + $$"""
            hosts:
              relay:
                domains: [relay.test]
                to: http://localhost:<admin-port>
              relay-bare:
                domains: [relay-bare.test]
                to: http://localhost:<admin-port>
                preserveHost: false
                headers:
                  request:
                    remove: [X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host, X-Real-IP]
            streams:
              admin:
                listen: "127.0.0.1:{{StreamPort.ToString(CultureInfo.InvariantCulture)}}"
                to: "localhost:<admin-port>"
            """;
    }
}
