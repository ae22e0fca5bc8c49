using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>The real /usr/bin/chromium, headless, with its own HOME (so its NSS database at
/// <c>$HOME/.pki/nssdb</c> holds only what a test imports) and its own profile directory. Host names are mapped to
/// loopback with <c>--host-resolver-rules</c>, as a user's DNS would.</summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private HeadlessChromium(string home) => Home = home;

    public string Home { get; }

    public string NssDatabase => $"sql:{Path.Combine(Home, ".pki", "nssdb")}";

    /// <summary>A fresh HOME with an empty NSS database (<c>certutil -N --empty-password</c>).</summary>
    public static async Task<HeadlessChromium> CreateAsync()
    {
        var home = Path.Combine(Path.GetTempPath(), "hg-e2e-chromium", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(home, ".pki", "nssdb"));
        var chromium = new HeadlessChromium(home);
        var init = await ProcessRunner.RunAsync("certutil", ["-N", "-d", chromium.NssDatabase, "--empty-password"], timeout: TimeSpan.FromSeconds(20));
        Assert.True(init.ExitCode == 0, $"certutil -N: {init}");
        return chromium;
    }

    /// <summary>Trusts <paramref name="rootPem"/> as a CA for TLS servers (<c>certutil -A -t C,,</c>).</summary>
    public async Task TrustAsync(string rootPem, string nickname)
    {
        var add = await ProcessRunner.RunAsync("certutil", ["-A", "-d", NssDatabase, "-t", "C,,", "-n", nickname, "-i", rootPem], timeout: TimeSpan.FromSeconds(20));
        Assert.True(add.ExitCode == 0, $"certutil -A: {add}");
    }

    /// <summary><c>chromium --headless --dump-dom URL</c>: stdout is the DOM after load (empty when the page did not load),
    /// stderr names the network error.</summary>
    public Task<ProcessResult> DumpDomAsync(string url, string hostResolverRules) => RunAsync(hostResolverRules, "--dump-dom", url);

    public Task<ProcessResult> ScreenshotAsync(string url, string hostResolverRules, string pngPath) =>
        RunAsync(hostResolverRules, $"--screenshot={pngPath}", "--window-size=1024,640", url);

    private Task<ProcessResult> RunAsync(string hostResolverRules, params string[] what)
    {
        var profile = Path.Combine(Home, "profile-" + Guid.NewGuid().ToString("N")[..8]);
        return ProcessRunner.RunAsync("env",
        [
            $"HOME={Home}", Executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", $"--host-resolver-rules={hostResolverRules}", .. what,
        ], timeout: Timeout, workingDirectory: Home);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A Chromium helper may still be writing its profile; the temp dir is cleaned by the OS eventually.
        }
    }
}
