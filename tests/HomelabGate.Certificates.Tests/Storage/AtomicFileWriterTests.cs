using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Tests.Support;

namespace HomelabGate.Certificates.Tests.Storage;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_failure_while_writing_leaves_every_old_file_untouched()
    {
        var key = _dir.Combine("key.pem");
        File.WriteAllText(key, "old key");
        File.WriteAllText(_dir.Combine("blocker"), "");
        var unwritable = _dir.Combine("blocker", "cert.pem");

        await Assert.ThrowsAsync<CertificateStoreException>(() => new AtomicFileWriter().WriteAllAsync(
            [new PendingFile(key, "new key", Secret: true), new PendingFile(unwritable, "new cert", Secret: false)], CancellationToken.None));

        Assert.Equal("old key", File.ReadAllText(key));
        Assert.Equal(["blocker", "key.pem"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Replaces_existing_files_and_tightens_a_secret_to_0600()
    {
        var key = _dir.Combine("key.pem");
        File.WriteAllText(key, "old key");
        File.SetUnixFileMode(key, AtomicFileWriter.PublicMode);

        await new AtomicFileWriter().WriteAllAsync([new PendingFile(key, "new key", Secret: true)], CancellationToken.None);

        Assert.Equal("new key", File.ReadAllText(key));
        Assert.Equal(AtomicFileWriter.SecretMode, File.GetUnixFileMode(key));
    }

    [Fact]
    public void A_pending_file_never_prints_its_content()
    {
        var file = new PendingFile("/x/key.pem", "-----BEGIN PRIVATE KEY-----secret", Secret: true);

        Assert.DoesNotContain("secret", file.ToString().Replace("(secret,", ""));
    }

    public void Dispose() => _dir.Dispose();
}
