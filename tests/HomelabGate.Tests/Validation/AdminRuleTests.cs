using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Validation;

/// <summary>The admin listener: reachable from the network only with a token, and never a proxy target.</summary>
public sealed class AdminRuleTests
{
    private static IReadOnlyList<Diagnostic> Errors(string yaml) => ManifestFixture.Load(yaml).Diagnostics.Where(d => d.IsError).ToList();

    [Theory]
    [InlineData("0.0.0.0:9180")]
    [InlineData("[::]:9180")]
    [InlineData("[::ffff:0.0.0.0]:9180")]
    [InlineData("192.168.1.5:9180")]
    public void Rejects_an_admin_listener_other_machines_reach_without_a_token(string admin)
    {
        var error = Assert.Single(Errors($"version: 1\nsettings:\n  admin: \"{admin}\"\n"));

        Assert.Equal(DiagnosticCodes.AdminWithoutToken, error.Code);
        Assert.Equal($"the admin listener '{admin}' is reachable from other machines but settings.adminToken is not set", error.Summary);
        Assert.Equal(new SourceLocation("homelab.yaml", 3, 10), error.Location);
        Assert.StartsWith("add adminToken: \"${env:HOMELABGATE_ADMIN_TOKEN}\"", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:9180", "")]
    [InlineData("127.0.0.2:9180", "")]
    [InlineData("[::1]:9180", "")]
    [InlineData("localhost:9180", "")]
    [InlineData("0.0.0.0:9180", "  adminToken: \"${env:TOKEN}\"\n")]
    public void Accepts_a_loopback_admin_listener_or_one_with_a_token(string admin, string token) =>
        Assert.Empty(Errors($"version: 1\nsettings:\n  admin: \"{admin}\"\n{token}"));

    [Theory]
    [InlineData("127.0.0.1:9180", "to: http://127.0.0.1:9180")]
    [InlineData("127.0.0.1:9180", "to: http://localhost:9180/api/status")]
    [InlineData("127.0.0.1:9180", "to: http://127.0.0.7:9180")]
    [InlineData("127.0.0.1:9180", "to: http://0.0.0.0:9180")]
    [InlineData("127.0.0.1:9180", "to: http://[::ffff:127.0.0.1]:9180")]
    [InlineData("[::1]:9180", "to: http://127.0.0.1:9180")]
    [InlineData("0.0.0.0:9180", "to: http://localhost:9180")]
    [InlineData("127.0.0.1:80", "to: http://127.0.0.1")]
    public void Rejects_a_host_that_forwards_to_the_admin_listener(string admin, string action)
    {
        var token = admin.StartsWith("0.", StringComparison.Ordinal) ? "  adminToken: \"${env:T}\"\n" : "";
        var error = Assert.Single(Errors($"version: 1\nsettings:\n  admin: \"{admin}\"\n{token}hosts:\n  h:\n    domains: [h.test]\n    {action}\n"));

        Assert.Equal(DiagnosticCodes.TargetsAdmin, error.Code);
        Assert.Equal($"'{action[4..]}' points at the admin listener ({admin})", error.Summary);
        Assert.Equal(token.Length == 0 ? 7 : 8, error.Location!.Line);
    }

    [Fact]
    public void Rejects_pool_targets_locations_forward_auth_and_streams_that_reach_the_default_admin_listener()
    {
        var errors = Errors("""
            version: 1
            upstreams:
              u: { targets: ["http://10.0.0.5:80", { url: "http://localhost:9180" }] }
            hosts:
              h:
                domains: [h.test]
                upstream: u
                forwardAuth: { url: "http://127.0.0.1:9180/api/status" }
                locations: [{ path: /x, to: "http://[::1]:9180" }]
            streams:
              s: { listen: "127.0.0.1:2222", to: "127.0.0.1:9180" }

            """);

        Assert.Equal([3, 8, 9, 11], errors.Select(e => e.Location!.Line));
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.TargetsAdmin, e.Code));
        Assert.Equal("'127.0.0.1:9180' points at the admin listener (127.0.0.1:9180)", errors[3].Summary);
    }

    [Theory]
    [InlineData("127.0.0.1:9180", "to: http://127.0.0.1:9181")]
    [InlineData("192.168.1.5:9180", "to: http://127.0.0.1:9180")]
    [InlineData("127.0.0.1:9180", "to: http://nas.home.test:9180")]
    public void Accepts_targets_on_another_port_or_address(string admin, string action)
    {
        var token = admin.StartsWith("192.", StringComparison.Ordinal) ? "  adminToken: \"${env:T}\"\n" : "";
        Assert.Empty(Errors($"version: 1\nsettings:\n  admin: \"{admin}\"\n{token}hosts:\n  h:\n    domains: [h.test]\n    {action}\n"));
    }
}
