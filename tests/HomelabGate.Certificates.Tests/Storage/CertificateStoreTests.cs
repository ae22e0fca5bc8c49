using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Tests.Support;

namespace HomelabGate.Certificates.Tests.Storage;

public sealed class CertificateStoreTests : IDisposable
{
    private readonly TestCa _ca = new();
    private readonly CertificateStore _store;

    public CertificateStoreTests() => _store = new CertificateStore(_ca.State.Path, new PemFileReader(), new AtomicFileWriter());

    [Fact]
    public async Task Writes_private_keys_with_mode_0600_and_certificates_world_readable()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);

        Assert.Equal(AtomicFileWriter.SecretMode, File.GetUnixFileMode(_ca.CertFile("nas", "key.pem")));
        Assert.Equal(AtomicFileWriter.SecretMode, File.GetUnixFileMode(_ca.CaFile("root.key")));
        Assert.Equal(AtomicFileWriter.SecretMode, File.GetUnixFileMode(_ca.CaFile("intermediate.key")));
        Assert.Equal(AtomicFileWriter.PublicMode, File.GetUnixFileMode(_ca.CertFile("nas", "cert.pem")));
    }

    [Fact]
    public async Task Leaves_no_temp_files_behind()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);

        Assert.Equal(["cert.pem", "chain.pem", "key.pem", "meta.json"],
            Directory.GetFiles(_ca.State.Combine("certificates", "nas")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Refuses_a_key_file_readable_by_group()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var key = _ca.CertFile("nas", "key.pem");
        File.SetUnixFileMode(key, AtomicFileWriter.SecretMode | UnixFileMode.GroupRead);

        var error = Assert.Throws<InsecureKeyFileException>(() => _store.Read("nas"));

        Assert.Contains($"Refusing to read private key '{key}': its mode 640", error.Message);
        Assert.Contains($"chmod 600 {key}", error.Message);
    }

    [Fact]
    public async Task Reports_a_damaged_certificate_as_unreadable_and_changes_nothing()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        var cert = _ca.CertFile("nas", "cert.pem");
        File.WriteAllText(cert, "garbage");

        var read = _store.Read("nas");

        Assert.Null(read.Certificate);
        Assert.Equal($"'{cert}' does not contain a PEM certificate (-----BEGIN CERTIFICATE-----).", read.Problem);
        Assert.Equal("garbage", File.ReadAllText(cert));
    }

    [Fact]
    public void Reports_a_certificate_that_was_never_stored_as_missing()
    {
        Assert.True(_store.Read("nothing").IsMissing);
    }

    [Fact]
    public async Task Reports_an_unwritable_state_directory_clearly()
    {
        // Tests run as root, so permissions cannot make a directory unwritable; a file in the path can.
        var blocker = _ca.State.Combine("blocker");
        File.WriteAllText(blocker, "");
        var issuer = new LocalCaTestIssuer(Path.Combine(blocker, "state"), new(), _ca.Clock);

        var error = await Assert.ThrowsAsync<HomelabGate.Certificates.Sources.CertificateIssueException>(
            () => issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None));

        Assert.StartsWith($"cannot write '{Path.Combine(blocker, "state", "ca")}", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void Refuses_a_certificate_name_that_would_escape_the_store()
    {
        var error = Assert.Throws<ArgumentException>(() => _store.Read("../ca"));

        Assert.Contains("'../ca' is not a valid certificate name", error.Message);
    }

    [Fact]
    public async Task Lists_stored_certificate_names()
    {
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("nas", ["nas.home.test"]), CancellationToken.None);
        await _ca.Issuer.EnsureAsync(new LeafCertificateRequest("git", ["git.home.test"]), CancellationToken.None);

        Assert.Equal(["git", "nas"], _store.ListNames());
    }

    public void Dispose() => _ca.Dispose();
}
