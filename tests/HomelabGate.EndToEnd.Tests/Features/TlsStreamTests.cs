using System.Diagnostics;
using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.EndToEnd.Tests.Tls;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A stream with <c>certificate:</c> through the real daemon: the real <c>openssl s_client</c>, trusting only the
/// local CA's root, completes the handshake with the named certificate and talks to a plain TCP echo server behind it.</summary>
public sealed class TlsStreamTests(TlsStreamTests.Daemon daemon) : IClassFixture<TlsStreamTests.Daemon>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Openssl_trusting_the_local_ca_sends_a_line_through_the_tls_stream_and_reads_the_echo()
    {
        using var deadline = new CancellationTokenSource(Bounded);
        using var openssl = Process.Start(new ProcessStartInfo("openssl")
        {
            ArgumentList =
            {
                "s_client", "-connect", $"127.0.0.1:{daemon.StreamPort.ToString(CultureInfo.InvariantCulture)}", "-servername", "tcp.home.test",
                "-CAfile", daemon.RootPem, "-verify_return_error", "-verify_hostname", "tcp.home.test", "-quiet",
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var errors = openssl.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await openssl.StandardInput.WriteLineAsync("hello over tls");
            await openssl.StandardInput.FlushAsync(deadline.Token);

            var echo = await openssl.StandardOutput.ReadLineAsync(deadline.Token);

            Assert.True(echo == "hello over tls", $"echo: '{echo}'; s_client exited: {openssl.HasExited}\n--- daemon ---\n{daemon.Gate.Output}");
        }
        finally
        {
            openssl.Kill();
            await openssl.WaitForExitAsync(CancellationToken.None);
        }
        Assert.Contains("verify return:1", await errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_presents_its_certificate_whatever_the_server_name_and_offers_no_http_protocol()
    {
        var handshake = await OpenSsl.ConnectAsync(daemon.StreamPort, "anything.example", "-alpn", "h2,http/1.1", "-showcerts");

        Assert.True(handshake.ExitCode == 0, $"s_client: {handshake}");
        var leaf = await OpenSsl.TextOfAsync(OpenSsl.PresentedChain(handshake.StandardOutput)[0], "-ext", "subjectAltName");
        OutputAssert.Contains("DNS:tcp.home.test", leaf, "the leaf's subjectAltName");
        OutputAssert.Contains("No ALPN negotiated", handshake.StandardOutput, "s_client output");
    }

    public sealed class Daemon : FeatureDaemon
    {
        public int StreamPort { get; } = FreePorts.Next();

        public string RootPem => Path.Combine(Workspace.StateDir, "ca", "root.pem");

        protected override Task<string> StartServersAsync()
        {
            var echo = Own(TcpEchoServer.Start());
            return Task.FromResult(Manifests.Header + $"""
                issuers:
                  local: {"{"} type: local-ca, nameConstraints: {"{"} dns: [home.test] {"}"} {"}"}
                certificates:
                  tcp: {"{"} issuer: local, domains: [tcp.home.test] {"}"}
                hosts:
                  web:
                    domains: [web.test]
                    respond: {"{"} body: ok {"}"}
                streams:
                  tls: {"{"} listen: "127.0.0.1:{StreamPort}", to: "127.0.0.1:{echo.Port}", certificate: tcp {"}"}
                """);
        }
    }
}
