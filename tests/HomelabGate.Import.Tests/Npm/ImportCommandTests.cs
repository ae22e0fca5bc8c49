using HomelabGate.Import.Tests.Support;

namespace HomelabGate.Import.Tests.Npm;

/// <summary><c>gate import npm</c> as a user runs it: what it writes (and with which modes), exit codes, and every kind
/// of bad input giving one clear message with nothing written.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ImportCommandTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly ImportWorkspace _work = new();

    [Fact]
    public async Task Writes_the_manifest_the_secret_files_0600_and_seeds_the_lets_encrypt_certificate()
    {
        var (exit, output, error) = await _work.RunAsync();

        Assert.True(exit == 2, error);
        Assert.Equal(
        [
            "data/certificates/lab-test/cert.pem", "data/certificates/lab-test/chain.pem", "data/certificates/lab-test/key.pem",
            "data/certificates/lab-test/meta.json", "homelab.yaml", "secrets/.gitignore", "secrets/access-lists/household/alice.bcrypt",
            "secrets/access-lists/household/bob.bcrypt", "secrets/certificates/lab-wildcard-self-signed/fullchain.pem",
            "secrets/certificates/lab-wildcard-self-signed/privkey.pem", "secrets/dns/letsencrypt.token",
        ], _work.Written());
        foreach (var secret in new[] { "secrets/access-lists/household/alice.bcrypt", "secrets/certificates/lab-wildcard-self-signed/privkey.pem", "secrets/dns/letsencrypt.token", "data/certificates/lab-test/key.pem" })
        {
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(_work.OutDirectory, secret)));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_work.OutDirectory, "secrets")));
        Assert.Contains("Wrote ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_work.OutDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_written_hashes_accept_npm_s_passwords_and_refuse_others()
    {
        await _work.RunAsync();
        var hash = File.ReadAllText(Path.Combine(_work.OutDirectory, "secrets/access-lists/household/alice.bcrypt")).Trim();
        Assert.StartsWith("$2y$", hash, StringComparison.Ordinal);
        Assert.True(BCrypt.Net.BCrypt.Verify("alice-fixture-pw", hash));
        Assert.False(BCrypt.Net.BCrypt.Verify("bob-fixture-pw", hash));
    }

    [Fact]
    public async Task The_seeded_certificate_is_the_one_npm_had()
    {
        await _work.RunAsync();
        var seeded = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_work.OutDirectory, "data/certificates/lab-test/cert.pem")));
        var npm = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_work.Npm.LetsEncryptDirectory, "live/npm-2/cert.pem")));
        Assert.Equal(npm.Thumbprint, seeded.Thumbprint);
        Assert.Contains("\"source\": \"Acme\"", File.ReadAllText(Path.Combine(_work.OutDirectory, "data/certificates/lab-test/meta.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_prints_the_manifest_and_the_report_and_writes_nothing()
    {
        var (exit, output, _) = await _work.RunAsync(dryRun: true);
        Assert.Equal(2, exit);
        Assert.Contains("\n  media:\n    domains: [media.lab.test]\n", output, StringComparison.Ordinal);
        Assert.Contains("Needs your attention (6):", output, StringComparison.Ordinal);
        Assert.Empty(_work.Written());
        Assert.DoesNotContain(NpmFixtureCopy.CloudflareCanary, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_nothing_to_look_at_exits_0()
    {
        _work.Npm.Execute("DELETE FROM proxy_host WHERE id <> 2");
        _work.Npm.Execute("UPDATE proxy_host SET advanced_config = ''");
        _work.Npm.Execute("DELETE FROM stream WHERE udp_forwarding = 1");
        var (exit, output, error) = await _work.RunAsync();
        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("Needs your attention", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_manifest_is_kept_unless_forced()
    {
        Directory.CreateDirectory(_work.OutDirectory);
        File.WriteAllText(_work.Options.ManifestPath, "mine\n");
        var (exit, _, error) = await _work.RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains("exists", error, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(_work.Options.ManifestPath));
        Assert.Equal(2, (await _work.RunAsync(force: true)).Exit);
        Assert.StartsWith("# Imported from Nginx Proxy Manager", File.ReadAllText(_work.Options.ManifestPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_nothing_behind()
    {
        Directory.CreateDirectory(_work.OutDirectory);
        var blocker = Path.Combine(_work.OutDirectory, "not-a-folder");
        File.WriteAllText(blocker, "");
        var options = _work.Options with { ManifestPath = Path.Combine(blocker, "homelab.yaml") };
        var (exit, _, error) = await _work.RunAsync(options);
        Assert.Equal(1, exit);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.Equal(["not-a-folder"], _work.Written());
        Assert.False(Directory.Exists(_work.Options.SecretsDirectory));
    }

    public void Dispose() => _work.Dispose();
}
