using Microsoft.Playwright;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>The system's Chromium driven by Playwright for .NET (its bundled driver, no downloaded browser). Pages are
/// rendered at a phone's size (where the status page is most often read) or a desktop's.</summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where screenshots go: beside the test assembly, so CI artifacts and a developer find them in one place.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <param name="extraArguments">More Chromium switches, e.g. <c>--host-resolver-rules</c> to point a name at loopback.</param>
    public static async Task<HeadlessBrowser> LaunchAsync(params string[] extraArguments)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing; ./setup.sh installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = [.. ChromiumArguments, .. extraArguments],
                Timeout = 30_000,
            });
            return new HeadlessBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh page at a phone's viewport (412 × 915 CSS pixels, as a Pixel 7).</summary>
    public Task<IPage> NewPhonePageAsync() => NewPageAsync(412, 915, mobile: true);

    public Task<IPage> NewDesktopPageAsync() => NewPageAsync(1100, 800, mobile: false);

    /// <summary>A fresh page at the given viewport in CSS pixels (390 × 844 is an iPhone 12–15, 1280 × 800 a laptop).</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool mobile)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            IsMobile = mobile,
            ColorScheme = ColorScheme.Light,
        });
        return await context.NewPageAsync();
    }

    /// <returns>The PNG's full path. With UPDATE_SCREENSHOTS=1 the PNG is also copied to docs/screenshots/ in the
    /// repository, where the committed ones are (look at them before committing, like a golden file).</returns>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"the screenshot {path} is (nearly) empty");
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(Directory.CreateDirectory(Path.Combine(HomelabGate.Testing.RepoRoot.Path, "docs", "screenshots")).FullName, name), overwrite: true);
        }
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
