namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The small manifests the reload and lifecycle tests edit: each host proxies to one server with <c>to:</c>.</summary>
public static class InlineHosts
{
    /// <summary>Host <c>NAME.test</c> → inline <c>to:</c> the server for each (host, server) pair.</summary>
    public static string Manifest(params (string Host, UpstreamServer Server)[] hosts) =>
        Manifests.Header + "hosts:\n" + string.Concat(hosts.Select(h => $"""
              {h.Host}:
                domains: [{h.Host}.test]
                to: {h.Server.Address}

            """));
}
