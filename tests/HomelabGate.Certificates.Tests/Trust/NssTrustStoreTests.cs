using HomelabGate.Certificates.Tests.Support;
using HomelabGate.Certificates.Trust;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Trust;

/// <summary>Against a real, throwaway NSS database made by certutil.</summary>
public sealed class NssTrustStoreTests : IDisposable
{
    private readonly TempDirectory _db = new();
    private readonly TestCertificates _certs = new(DateTimeOffset.UtcNow);
    private readonly NssTrustStore _store;

    public NssTrustStoreTests()
    {
        var created = Tool.Run("certutil", "-N", "-d", $"sql:{_db.Path}", "--empty-password");
        Assert.True(created.ExitCode == 0, created.ToString());
        _store = new NssTrustStore(_db.Path, new global::HomelabGate.Certificates.Trust.ProcessRunner());
    }

    [Fact]
    public async Task Installs_the_root_as_a_trusted_tls_ca()
    {
        await _store.InstallAsync(_certs.Root, CancellationToken.None);

        var listing = Tool.Run("certutil", "-L", "-d", $"sql:{_db.Path}");
        Assert.Matches($@"{NssTrustStore.NicknameFor(_certs.Root)}\s+C,,", listing.Output);
        Assert.True(await _store.IsInstalledAsync(_certs.Root, CancellationToken.None));
    }

    [Fact]
    public async Task Installing_twice_keeps_one_entry()
    {
        await _store.InstallAsync(_certs.Root, CancellationToken.None);
        await _store.InstallAsync(_certs.Root, CancellationToken.None);

        var listing = Tool.Run("certutil", "-L", "-d", $"sql:{_db.Path}").Output;
        Assert.Single(listing.Split('\n'), line => line.StartsWith(NssTrustStore.NicknameFor(_certs.Root)));
    }

    [Fact]
    public async Task Uninstall_removes_the_root()
    {
        await _store.InstallAsync(_certs.Root, CancellationToken.None);

        await _store.UninstallAsync(_certs.Root, CancellationToken.None);

        Assert.DoesNotContain(NssTrustStore.NicknameFor(_certs.Root), Tool.Run("certutil", "-L", "-d", $"sql:{_db.Path}").Output);
        Assert.False(await _store.IsInstalledAsync(_certs.Root, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_database_gives_an_error_naming_it()
    {
        var store = new NssTrustStore(_db.Combine("absent"), new global::HomelabGate.Certificates.Trust.ProcessRunner());

        var error = await Assert.ThrowsAsync<TrustStoreException>(() => store.InstallAsync(_certs.Root, CancellationToken.None));

        Assert.Contains($"certutil -A on NSS database ({_db.Combine("absent")}) failed", error.Message);
    }

    public void Dispose()
    {
        _certs.Dispose();
        _db.Dispose();
    }
}
