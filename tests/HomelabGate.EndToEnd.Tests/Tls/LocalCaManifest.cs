using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>The manifest of <see cref="LocalCaDaemon"/>; <c>&lt;proxy&gt;</c> and <c>&lt;admin&gt;</c> stay placeholders.</summary>
public static class LocalCaManifest
{
    public static string Template(int httpsPort, string echoUpstream, string domains = "[\"*.home.test\", home.test]") => $$"""
        version: 1
        settings:
          listen:
            http: "{{GateWorkspace.ProxyPlaceholder}}"
            https: "127.0.0.1:{{httpsPort}}"
          admin: "{{GateWorkspace.AdminPlaceholder}}"
        issuers:
          local: { type: local-ca, nameConstraints: { dns: [home.test] } }
        certificates:
          wild: { issuer: local, domains: {{domains}} }
        hosts:
          app:
            domains: [app.home.test]
            respond: { status: 200, body: "{{LocalCaDaemon.AppBody}}" }
            certificate: wild
            forceHttps: true
            hsts: true
          echo:
            domains: [echo.home.test]
            to: {{echoUpstream}}
            certificate: wild

        """;
}
