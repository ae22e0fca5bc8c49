using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>A real browser trusts the local CA once its root is imported into the browser's NSS database, and does
/// not without it. The screenshot of the trusted page is kept under the test output directory (artifacts/chromium/).</summary>
public sealed class ChromiumTrustTests(ChromiumTrustTests.Daemon daemon) : IClassFixture<ChromiumTrustTests.Daemon>
{
    private string Port => daemon.HttpsPort.ToString(CultureInfo.InvariantCulture);

    private string Url => $"https://app.home.test:{Port}/";

    private string Rules => $"MAP app.home.test 127.0.0.1:{Port}";

    [Fact]
    public async Task Headless_chromium_with_the_root_in_its_nss_database_shows_the_page_without_an_interstitial()
    {
        using var chromium = await HeadlessChromium.CreateAsync();
        await chromium.TrustAsync(daemon.RootPem, "homelabgate-test-root");

        var dom = await chromium.DumpDomAsync(Url, Rules);
        var screenshot = Artifact("trusted.png");
        var shot = await chromium.ScreenshotAsync(Url, Rules, screenshot);

        Assert.True(dom.ExitCode == 0, $"chromium --dump-dom: {dom}");
        Assert.Contains($">{LocalCaDaemon.AppBody}</pre>", dom.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("ERR_CERT", dom.StandardError, StringComparison.Ordinal);
        Assert.True(shot.ExitCode == 0 && File.Exists(screenshot) && new FileInfo(screenshot).Length > 1000, $"chromium --screenshot: {shot}");
    }

    [Fact]
    public async Task Headless_chromium_without_the_root_refuses_the_certificate_and_shows_no_page()
    {
        using var chromium = await HeadlessChromium.CreateAsync();

        // No screenshot here: headless Chromium writes none when the page fails to load.
        var dom = await chromium.DumpDomAsync(Url, Rules);

        Assert.DoesNotContain(LocalCaDaemon.AppBody, dom.StandardOutput, StringComparison.Ordinal);
        OutputAssert.Contains("ERR_CERT_AUTHORITY_INVALID", dom.StandardError, "chromium stderr");
    }

    private static string Artifact(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts", "chromium");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public sealed class Daemon : LocalCaDaemon;
}
