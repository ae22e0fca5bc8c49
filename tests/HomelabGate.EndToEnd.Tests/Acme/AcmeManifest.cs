using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Acme;

/// <summary>A manifest whose certificate <c>public</c> comes from pebble through DNS-01 on the fixture's BIND; the TSIG
/// secret is read from gate's environment (<c>TSIG_SECRET</c>).</summary>
public static class AcmeManifest
{
    public const string Body = "served with a certificate from pebble";

    public static string Template(AcmeDnsEnvironment infra, int httpsPort, string domains = "[\"*.home.test\", home.test]", string keyType = "ecdsa-p256") => $$"""
        version: 1
        settings:
          listen:
            http: "{{GateWorkspace.ProxyPlaceholder}}"
            https: "127.0.0.1:{{httpsPort}}"
          admin: "{{GateWorkspace.AdminPlaceholder}}"
        issuers:
          pebble:
            type: acme
            directory: {{infra.DirectoryUrl}}
            caBundle: {{infra.PebbleRootCa}}
            dns01:
              provider: rfc2136
              server: "{{infra.DnsServer}}"
              zone: {{infra.Zone}}
              tsig: { name: {{infra.TsigKeyName}}, secret: "${env:TSIG_SECRET}" }
        certificates:
          public: { issuer: pebble, domains: {{domains}}, keyType: {{keyType}} }
        hosts:
          app:
            domains: [app.home.test]
            respond: { status: 200, body: "{{Body}}" }
            certificate: public

        """;
}
