using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Tests.Support;
using HomelabGate.Certificates.Trust;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Trust;

/// <summary>
/// Runs the real update-ca-certificates with every directory it reads or writes redirected into a temp
/// dir, so the machine's trust store is never touched.
/// </summary>
public sealed class SystemTrustStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new(DateTimeOffset.UtcNow);
    private readonly SystemTrustStore _store;

    public SystemTrustStoreTests()
    {
        foreach (var sub in new[] { "local", "etc", "hooks", "certs" })
        {
            Directory.CreateDirectory(_dir.Combine(sub));
        }

        File.WriteAllText(_dir.Combine("ca-certificates.conf"), "");
        // Real systems always hold other roots; with none, update-ca-certificates keeps a stale bundle.
        using var bystander = new TestCertificates(DateTimeOffset.UtcNow);
        File.WriteAllText(_dir.Combine("local", "bystander.crt"), bystander.Root.ExportCertificatePem());
        _store = new SystemTrustStore(new SystemTrustStoreOptions
        {
            Directory = _dir.Combine("local"),
            UpdateCommand = "update-ca-certificates",
            UpdateArguments =
            [
                "--certsconf", _dir.Combine("ca-certificates.conf"), "--certsdir", _dir.Combine("certs"),
                "--localcertsdir", _dir.Combine("local"), "--etccertsdir", _dir.Combine("etc"), "--hooksdir", _dir.Combine("hooks"),
            ],
        }, new global::HomelabGate.Certificates.Trust.ProcessRunner());
    }

    private string Bundle => _dir.Combine("etc", "ca-certificates.crt");

    // The last base64 line holds the signature: unique to this root, unlike the first line.
    private string RootSignatureLine => _certs.Root.ExportCertificatePem().Split('\n')[^2];

    [Fact]
    public async Task Installs_the_root_under_its_short_fingerprint_and_into_the_bundle()
    {
        await _store.InstallAsync(_certs.Root, CancellationToken.None);

        var file = _dir.Combine("local", $"homelabgate-{RootExporter.ShortFingerprint(_certs.Root)}.crt");
        Assert.True(File.Exists(file));
        Assert.Contains(RootSignatureLine, File.ReadAllText(Bundle));
    }

    [Fact]
    public async Task Uninstall_removes_the_file_and_the_root_from_the_bundle()
    {
        await _store.InstallAsync(_certs.Root, CancellationToken.None);

        await _store.UninstallAsync(_certs.Root, CancellationToken.None);

        Assert.False(await _store.IsInstalledAsync(_certs.Root, CancellationToken.None));
        Assert.DoesNotContain(RootSignatureLine, File.ReadAllText(Bundle));
    }

    [Fact]
    public async Task A_failing_update_command_is_reported_with_its_exit_code()
    {
        var store = new SystemTrustStore(new SystemTrustStoreOptions { Directory = _dir.Combine("local"), UpdateCommand = "false" }, new global::HomelabGate.Certificates.Trust.ProcessRunner());

        var error = await Assert.ThrowsAsync<TrustStoreException>(() => store.InstallAsync(_certs.Root, CancellationToken.None));

        Assert.StartsWith("'false' failed with exit code 1", error.Message);
    }

    public void Dispose()
    {
        _certs.Dispose();
        _dir.Dispose();
    }
}
