using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>A host or stream whose target is the admin listener turns every client into a "local" one unless the
/// admin listener knows the gate's own connections. Validation refuses such targets when it can see them; these are
/// served after moving <c>settings.admin</c> (a listener change waits for a restart), so validation compares them with
/// the new address while the running admin listener is still the old one — a target that slipped past it — to test
/// the runtime guard behind it.</summary>
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
    public async Task A_stream_to_the_admin_port_is_refused_before_it_is_served()
    {
        // Streams bind their targets at start, so one cannot slip past validation as a host can; it is refused there.
        using var workspace = GateWorkspace.Create();
        workspace.WriteManifest(Manifests.Header + $$"""
            streams:
              admin:
                listen: "127.0.0.1:{{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}}"
                to: "localhost:<admin-port>"
            """);

        var validate = await ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments(["validate", "-f", workspace.ManifestPath]),
            timeout: TimeSpan.FromSeconds(60), workingDirectory: workspace.Root);

        Assert.True(validate.ExitCode == 1, validate.ToString());
        OutputAssert.Contains($"error HG3015: 'localhost:{workspace.Ports.Admin}' points at the admin listener", validate.StandardOutput, "gate validate");
    }

    public sealed class Daemon : GateFixture
    {
        protected override string InitialManifest() => Manifests.Header;

        protected override string ManifestAfterStart() => Manifests.HeaderWithAdminMoved() + $$"""
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
            """;
    }
}
