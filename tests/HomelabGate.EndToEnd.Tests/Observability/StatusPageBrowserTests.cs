using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>The status page as a person sees it: headless Chromium opens the admin listener's <c>/</c>, finds the hosts,
/// and after a broken edit of the manifest finds the validation error. Screenshots land in
/// <see cref="HeadlessBrowser.ScreenshotDirectory"/>.</summary>
public sealed class StatusPageBrowserTests(StatusPageBrowserTests.Daemon daemon) : IClassFixture<StatusPageBrowserTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task Chromium_shows_the_hosts_and_then_the_validation_error_of_a_broken_edit()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPhonePageAsync();

        var response = await page.GotoAsync(Gate.AdminUrl("/").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal("HomelabGate status", await page.TitleAsync());
        var hosts = await page.InnerTextAsync("#hosts");
        Assert.Contains("media", hosts);
        Assert.Contains("media.test", hosts);
        Assert.Contains(daemon.Upstreams["media"].Address, hosts);
        Assert.Contains("hello.test", hosts);
        Assert.Equal(0, await page.Locator("#validation").CountAsync());
        await HeadlessBrowser.ScreenshotAsync(page, "status-page.png");

        // Out of band: an editor saves a manifest that names an upstream that does not exist.
        daemon.Workspace.WriteManifest(Daemon.Manifest(daemon.Upstreams["media"].Address).Replace("upstream: media", "upstream: meda", StringComparison.Ordinal));
        await Gate.WaitUntilRejectedAsync("the manifest with upstream 'meda'");
        await page.ReloadAsync();

        var validation = await page.InnerTextAsync("#validation");
        Assert.Contains("The manifest is invalid", validation);
        Assert.Contains("HG3001", validation);
        Assert.Contains("meda", validation);
        Assert.Contains("media.test", await page.InnerTextAsync("#hosts"));
        Assert.Contains("serving the last good manifest", await page.InnerTextAsync("header"));
        await HeadlessBrowser.ScreenshotAsync(page, "status-page-invalid.png");
        var desktop = await browser.NewDesktopPageAsync();
        await desktop.GotoAsync(Gate.AdminUrl("/").ToString());
        Assert.Contains("HG3001", await desktop.InnerTextAsync("#validation"));
        await HeadlessBrowser.ScreenshotAsync(desktop, "status-page-invalid-desktop.png");
    }

    public sealed class Daemon() : GateFixture("media")
    {
        public static string Manifest(string mediaAddress) => Manifests.Header + $$"""
            upstreams:
              media:
                targets: ["{{mediaAddress}}"]
            hosts:
              media:
                domains: [media.test, jellyfin.test]
                upstream: media
              hello:
                domains: [hello.test]
                respond:
                  body: hello
            """;

        protected override string InitialManifest() => Manifest(Upstreams["media"].Address);
    }
}
