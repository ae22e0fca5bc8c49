using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>A certificate replaced while the daemon serves: new connections get the new one, open connections keep
/// theirs. Each test changes the served certificate, so each has a daemon of its own.</summary>
public sealed class CertificateRenewalTests : IAsyncLifetime
{
    private readonly LocalCaDaemon _daemon = new();

    public Task InitializeAsync() => _daemon.InitializeAsync();

    public Task DisposeAsync() => _daemon.DisposeAsync();

    [Fact]
    public async Task A_certificate_reissued_after_sighup_is_served_to_new_connections_while_an_open_connection_keeps_working()
    {
        using var client = new TlsClient(_daemon.RootPem, _daemon.HttpsPort);
        var url = new Uri($"https://app.home.test:{_daemon.HttpsPort}/");
        Assert.Equal(LocalCaDaemon.AppBody, await client.Http.GetStringAsync(url));
        var before = Assert.Single(client.Connections);
        Assert.Equal(before, await OpenSsl.LeafSerialAsync(_daemon.HttpsPort, "app.home.test"));

        Directory.Delete(_daemon.CertificateDirectory, recursive: true);
        await _daemon.Gate.SignalAsync("HUP");
        var after = await Poll.UntilAsync(() => OpenSsl.LeafSerialAsync(_daemon.HttpsPort, "app.home.test"), s => s != before,
            "a new TLS connection is given a new leaf", context: () => _daemon.Gate.Output);

        Assert.Equal(LocalCaDaemon.AppBody, await client.Http.GetStringAsync(url));
        Assert.Equal([before], client.Connections);
        using var fresh = new TlsClient(_daemon.RootPem, _daemon.HttpsPort);
        Assert.Equal(LocalCaDaemon.AppBody, await fresh.Http.GetStringAsync(url));
        Assert.Equal([after], fresh.Connections);
    }

    [Fact]
    public async Task A_certificate_whose_domains_change_in_the_manifest_is_reissued_and_served_with_the_new_names()
    {
        var oldSerial = await OpenSsl.LeafSerialAsync(_daemon.HttpsPort, "app.home.test");
        using var client = new TlsClient(_daemon.RootPem, _daemon.HttpsPort);
        var url = new Uri($"https://app.home.test:{_daemon.HttpsPort}/");
        Assert.Equal(LocalCaDaemon.AppBody, await client.Http.GetStringAsync(url));

        await _daemon.ServeAsync(LocalCaManifest.Template(_daemon.HttpsPort, _daemon.Upstreams["echo"].Address,
            "[\"*.home.test\", home.test, extra.home.test]"));
        var handshake = await Poll.UntilAsync(() => OpenSsl.ConnectAsync(_daemon.HttpsPort, "extra.home.test", "-showcerts"),
            r => OpenSsl.PresentedChain(r.StandardOutput).Count > 0, "extra.home.test is served a certificate", context: () => _daemon.Gate.Output);

        var names = await OpenSsl.TextOfAsync(OpenSsl.PresentedChain(handshake.StandardOutput)[0], "-serial", "-ext", "subjectAltName");
        OutputAssert.Contains("DNS:extra.home.test", names, "the new leaf");
        Assert.DoesNotContain(oldSerial, names, StringComparison.Ordinal);
        Assert.Equal(LocalCaDaemon.AppBody, await client.Http.GetStringAsync(url));
        Assert.Equal([oldSerial], client.Connections);
    }
}
