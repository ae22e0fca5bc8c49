using System.Runtime.Versioning;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>A daemon with a bit of everything the status page shows: an HTTPS listener with a local-CA wildcard, an
/// imported certificate three days from expiry, a pool with one live and one dead target (a health check finds it),
/// a host's own <c>to:</c>, an access list, a stream, DNS in a hosts file, and domains long enough to wrap on a phone.</summary>
[SupportedOSPlatform("linux")]
public sealed class StatusPageDaemon() : GateFixture("media", "vault")
{
    public const string LongDomain = "jellyfin-media-server-in-the-basement.home.test";

    public int HttpsPort { get; } = FreePorts.Next();

    public int DeadPort { get; } = FreePorts.Next();

    public int SshPort { get; } = FreePorts.Next();

    public string Manifest(string mediaUpstream = "media") => $$"""
        version: 1
        settings:
          listen:
            http: "{{GateWorkspace.ProxyPlaceholder}}"
            https: "127.0.0.1:{{HttpsPort}}"
          admin: "{{GateWorkspace.AdminPlaceholder}}"
        issuers:
          local: { type: local-ca, nameConstraints: { dns: [home.test] } }
        certificates:
          wild: { issuer: local, domains: ["*.home.test", home.test] }
          nas: { files: { cert: "{{Workspace.Root}}/nas.crt", key: "{{Workspace.Root}}/nas.key" } }
        accessLists:
          family:
            allow: ["127.0.0.1/32", "192.168.1.0/24"]
            deny: ["192.168.1.66"]
        dns:
          provider: { type: hosts-file, path: "{{Workspace.Root}}/homelab_gate_managed_hosts_for_the_basement_rack.hosts" }
          auto: { target: 127.0.0.1 }
        upstreams:
          media:
            targets: ["{{Upstreams["media"].Address}}", "http://127.0.0.1:{{DeadPort}}"]
            healthCheck: { path: /, interval: 1s, timeout: 1s, unhealthyThreshold: 1 }
        hosts:
          media:
            domains: [media.home.test, {{LongDomain}}]
            upstream: {{mediaUpstream}}
            accessList: family
          vault:
            domains: [vault.home.test]
            to: {{Upstreams["vault"].Address}}
            forceHttps: true
          nas:
            domains: [nas.home.test]
            to: {{Upstreams["vault"].Address}}
            certificate: nas
          hello:
            domains: [hello.home.test]
            respond: { body: hello }
        streams:
          ssh: { listen: "127.0.0.1:{{SshPort}}", to: "127.0.0.1:{{DeadPort}}" }

        """;

    protected override string InitialManifest()
    {
        Directory.CreateDirectory(Workspace.Root);
        ExpiringCertificate.Write(Workspace.Root, "nas.home.test", daysLeft: 3);
        return Manifest();
    }
}
