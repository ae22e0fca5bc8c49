using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>A daemon with an HTTPS listener and a local CA constrained to home.test: one wildcard certificate
/// (<c>*.home.test</c>, <c>home.test</c>) for <c>app.home.test</c> (a fixed page, forceHttps, HSTS) and
/// <c>echo.home.test</c> (proxied to an upstream server).</summary>
public class LocalCaDaemon() : GateFixture("echo")
{
    public const string AppBody = "hello from app over TLS";

    /// <summary>The HTTPS listener's port (the harness's workspace knows only the http and admin ports).</summary>
    public int HttpsPort { get; } = FreePorts.Next();

    public string RootPem => Path.Combine(Workspace.StateDir, "ca", "root.pem");

    public string CertificateDirectory => Path.Combine(Workspace.StateDir, "certificates", "wild");

    protected override string InitialManifest() => LocalCaManifest.Template(HttpsPort, Upstreams["echo"].Address);
}
