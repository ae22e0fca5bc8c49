using HomelabGate.Testing.Npm;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Import;

/// <summary>The secrets canary: NPM's Cloudflare token and access-list passwords (plain text in its database) appear in
/// nothing gate printed, logged or wrote, except the one 0600 token file the manifest references.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImportedNpmSecretsTests(ImportedNpmDaemon npm) : IClassFixture<ImportedNpmDaemon>
{
    [Fact]
    public async Task No_secret_from_npm_is_printed_logged_or_written_in_clear()
    {
        await Curl.GetAsync(npm.Workspace.Ports.Proxy, "pw.lab.test", "/"); // something in the access log too
        string[] secrets = [NpmFixtureCopy.CloudflareCanary, "alice-fixture-pw", "bob-fixture-pw"];
        var printed = string.Join('\n', npm.Import.StandardOutput, npm.Import.StandardError, npm.Validate.StandardOutput,
            npm.Plan.StandardOutput, npm.Gate.Output);
        var written = Directory.EnumerateFiles(npm.Workspace.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(npm.Npm.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        var tokenFile = Path.Combine(npm.SecretsDirectory, "dns", "letsencrypt.token");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
            Assert.Equal(secret == NpmFixtureCopy.CloudflareCanary ? [tokenFile] : [], written.Where(f => Read(f).Contains(secret, StringComparison.Ordinal)).ToList());
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        Assert.Contains($"${{file:{tokenFile}}}", File.ReadAllText(npm.Workspace.ManifestPath), StringComparison.Ordinal);
    }

    /// <summary>A file's text, read as another process would (shared). A temp file the daemon renamed away meanwhile
    /// reads as empty; so does gate.lock, which the daemon holds exclusively and which holds nothing.</summary>
    private static string Read(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }
        catch (IOException) when (!File.Exists(path) || Path.GetFileName(path) == "gate.lock")
        {
            return "";
        }
    }
}
