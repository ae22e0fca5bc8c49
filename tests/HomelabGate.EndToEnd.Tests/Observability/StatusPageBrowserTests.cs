using HomelabGate.EndToEnd.Tests.Harness;
using System.Runtime.Versioning;
using Microsoft.Playwright;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>The status page as a person sees it, in headless Chromium at a phone's size (390 × 844) and a laptop's
/// (1280 × 800), served by a real daemon: nothing runs off the screen, domains are links, the problems are counted at
/// the top and the badge is not green while a target is down, and streams, access lists, each host's certificate and
/// its request counts are there. After a broken edit the validation error shows. Screenshots land in
/// <see cref="HeadlessBrowser.ScreenshotDirectory"/> (and docs/screenshots/ with UPDATE_SCREENSHOTS=1).</summary>
[SupportedOSPlatform("linux")]
public sealed class StatusPageBrowserTests(StatusPageDaemon daemon) : IClassFixture<StatusPageDaemon>
{
    private GateProcess Gate => daemon.Gate;

    [Theory]
    [InlineData(390, 844, true, "status-page-phone.png")]
    [InlineData(1280, 800, false, "status-page-desktop.png")]
    public async Task Everything_fits_the_width_and_the_page_says_what_is_wrong(int width, int height, bool mobile, string screenshot)
    {
        await WaitUntilTheDeadTargetIsFoundAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await Gate.GetAsync(StatusPageDaemon.LongDomain)).Status);
        }
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(width, height, mobile);

        var response = await page.GotoAsync(Gate.AdminUrl("/").ToString());

        Assert.Equal(200, response!.Status);
        Assert.StartsWith("default-src 'none'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await HeadlessBrowser.ScreenshotAsync(page, screenshot);
        await AssertFitsAsync(page, width);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length + performance.getEntriesByType('resource').length"));

        var badge = page.Locator("header .badge");
        Assert.Contains("bad", await badge.GetAttributeAsync("class"));
        Assert.Matches(@"serving, \d+ problems?", await badge.InnerTextAsync());
        var problems = await page.InnerTextAsync("#problems");
        Assert.Contains($"host media: target http://127.0.0.1:{daemon.DeadPort} is down (connection refused)", problems);
        Assert.Contains("certificate nas expires in 2 days", problems);

        var link = page.Locator($"#hosts a[href=\"https://{StatusPageDaemon.LongDomain}:{daemon.HttpsPort}/\"]");
        Assert.Equal(1, await link.CountAsync());
        Assert.Equal(1, await page.Locator($"#hosts a[href=\"https://nas.home.test:{daemon.HttpsPort}/\"]").CountAsync());
        var mediaRow = page.Locator("#hosts tbody tr", new() { HasText = "media.home.test" });
        Assert.Equal("wild", await mediaRow.Locator("td[data-label=TLS]").InnerTextAsync());
        Assert.Equal("family", await mediaRow.Locator("td[data-label=Access]").InnerTextAsync());
        Assert.Matches(@"^[1-9]\d* \(no 5xx\)$", await mediaRow.Locator("td[data-label=Requests]").InnerTextAsync());
        Assert.DoesNotContain("host:", await page.InnerTextAsync("body"));
        Assert.Equal("bad", await page.Locator("#certificate-nas td[data-label=Expires] span").First.GetAttributeAsync("class"));
        Assert.Contains("ssh", await page.InnerTextAsync("#streams"));
        Assert.Contains("2 allow, 1 deny", await page.InnerTextAsync("#access-lists"));
        Assert.Contains("hosts-file", await page.InnerTextAsync("#dns"));
    }

    [Fact]
    public async Task A_broken_edit_shows_its_validation_error_and_the_last_good_configuration_keeps_serving()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844, mobile: true);
        daemon.Workspace.WriteManifest(daemon.Manifest(mediaUpstream: "meda"));
        try
        {
            await Gate.WaitUntilRejectedAsync("the manifest with upstream 'meda'");

            await page.GotoAsync(Gate.AdminUrl("/").ToString());

            var validation = await page.InnerTextAsync("#validation");
            Assert.Contains("The manifest is invalid", validation);
            Assert.Contains("HG3001", validation);
            Assert.Contains("meda", validation);
            Assert.Contains("media.home.test", await page.InnerTextAsync("#hosts"));
            Assert.Contains("serving the last good manifest", await page.InnerTextAsync("header"));
            await HeadlessBrowser.ScreenshotAsync(page, "status-page-invalid-phone.png");
            await AssertFitsAsync(page, 390);
        }
        finally
        {
            daemon.Workspace.WriteManifest(daemon.Manifest());
            await Gate.WaitUntilServingAsync(daemon.Workspace.Render(daemon.Manifest()));
        }
    }

    /// <summary>Nothing is wider than the viewport the page was given. A phone's browser zooms out to fit a wider page
    /// (and then reports the wider width as innerWidth), so the width is the one asked for, not the one reported.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide in a {width} px viewport");
        Assert.Empty(await page.EvaluateAsync<string[]>("""
            width => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5)
                .map(e => e.tagName + ': ' + e.textContent.slice(0, 60))
            """, width));
    }

    private Task WaitUntilTheDeadTargetIsFoundAsync() =>
        Poll.UntilAsync(() => Task.FromResult(Gate.Output), o => o.Contains($"target http://127.0.0.1:{daemon.DeadPort} failed its health check", StringComparison.Ordinal),
            "the health check finds the dead target", TimeSpan.FromSeconds(20));
}
