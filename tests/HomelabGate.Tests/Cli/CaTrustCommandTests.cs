using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Trust;
using HomelabGate.Cli;

namespace HomelabGate.Tests.Cli;

/// <summary>trust/untrust against a temp NSS database and a system store whose directories are all redirected into a
/// temp dir (update-ca-certificates runs for real, with --localcertsdir, --etccertsdir and friends).</summary>
public sealed class CaTrustCommandTests : IDisposable
{
    private readonly CertificateCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Nickname => NssTrustStore.NicknameFor(X509CertificateLoader.LoadCertificateFromFile(_cli.RootPemPath));

    [Fact]
    public async Task Trust_adds_the_root_to_the_system_store_and_the_nss_database()
    {
        await _cli.CreateCaAsync();
        var nss = await Tools.CreateNssDatabaseAsync(Path.Combine(_cli.Root, "nssdb"));

        var run = await _cli.RunAsync("ca", "trust", "--nss-db", nss);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"system store ({_cli.SystemLocal}): trusted now", run.Output, StringComparison.Ordinal);
        Assert.Contains($"NSS database ({nss}): trusted now", run.Output, StringComparison.Ordinal);
        var listed = await Tools.CertutilAsync("-L", "-d", $"sql:{nss}");
        Assert.Contains(Nickname, listed.StandardOutput, StringComparison.Ordinal);
        Assert.Matches($@"{Nickname}\s+C,,", listed.StandardOutput);
        Assert.Single(Directory.GetFiles(_cli.SystemLocal, "homelabgate-*.crt"));
    }

    [Fact]
    public async Task After_trust_openssl_verifies_a_leaf_against_the_rebuilt_system_bundle()
    {
        await _cli.CreateCaAsync();
        var leaf = Path.Combine(_cli.StateDir, "certificates", "web");
        var bundle = Path.Combine(_cli.SystemEtc, "ca-certificates.crt");

        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("ca", "trust")).ExitCode);

        var verify = await Tools.OpensslAsync("verify", "-CAfile", bundle, "-untrusted", Path.Combine(leaf, "chain.pem"), Path.Combine(leaf, "cert.pem"));
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
    }

    [Fact]
    public async Task Trusting_twice_changes_nothing_the_second_time()
    {
        await _cli.CreateCaAsync();
        var nss = await Tools.CreateNssDatabaseAsync(Path.Combine(_cli.Root, "nssdb"));
        await _cli.RunAsync("ca", "trust", "--nss-db", nss);

        var again = await _cli.RunAsync("ca", "trust", "--nss-db", nss);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains($"system store ({_cli.SystemLocal}): already trusted, nothing to do", again.Output, StringComparison.Ordinal);
        Assert.Contains($"NSS database ({nss}): already trusted, nothing to do", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untrust_removes_the_root_from_both_stores()
    {
        await _cli.CreateCaAsync();
        var nss = await Tools.CreateNssDatabaseAsync(Path.Combine(_cli.Root, "nssdb"));
        await _cli.RunAsync("ca", "trust", "--nss-db", nss);

        var run = await _cli.RunAsync("ca", "untrust", "--nss-db", nss);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"system store ({_cli.SystemLocal}): removed", run.Output, StringComparison.Ordinal);
        Assert.Contains($"NSS database ({nss}): removed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Nickname, (await Tools.CertutilAsync("-L", "-d", $"sql:{nss}")).StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.SystemLocal));
        Assert.Empty(Directory.GetFiles(_cli.SystemEtc, "homelabgate-*"));
    }

    [Fact]
    public async Task Untrust_of_a_root_that_was_never_trusted_says_so()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("ca", "untrust");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"system store ({_cli.SystemLocal}): not trusted there, nothing to do", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_nss_database_in_the_home_directory_is_used_when_it_exists()
    {
        await _cli.CreateCaAsync();
        var nss = await Tools.CreateNssDatabaseAsync(Path.Combine(_cli.Home, ".pki", "nssdb"));

        var run = await _cli.RunAsync("ca", "trust", "--no-system");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"NSS database ({nss}): trusted now", run.Output, StringComparison.Ordinal);
        Assert.Contains("system store: skipped (--no-system)", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.SystemLocal));
        Assert.Contains(Nickname, (await Tools.CertutilAsync("-L", "-d", $"sql:{nss}")).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_system_and_no_nss_database_nothing_is_changed_and_the_output_says_why()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("ca", "trust", "--no-system");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(".pki/nssdb does not exist; choose one with --nss-db DIR", run.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_nss_database_is_an_error_that_shows_how_to_create_one()
    {
        await _cli.CreateCaAsync();
        var missing = Path.Combine(_cli.Root, "no-such-db");
        var run = await _cli.RunAsync("ca", "trust", "--nss-db", missing);
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"certutil -N -d sql:{missing} --empty-password", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.SystemLocal));
    }

    [Fact]
    public async Task Trust_before_any_ca_exists_says_to_run_apply_first()
    {
        var run = await _cli.RunAsync("ca", "trust");
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("run gate apply or gate run first", run.Error, StringComparison.Ordinal);
    }
}
