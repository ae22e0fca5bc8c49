using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Import;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Import;

public sealed class CustomCertificateImporterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new(Start);
    private readonly FakeTimeProvider _clock = new(Start.AddDays(1));
    private readonly StoredCertificate _leaf;

    public CustomCertificateImporterTests() => _leaf = _certs.Leaf(["nas.home.test"]);

    private CustomCertificateImporter Importer => new(new PemFileReader(), _clock);

    private string Write(string name, string content, UnixFileMode mode = AtomicFileWriter.SecretMode)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private CustomCertificatePaths Paths(string? chain = null, PrivateKey? key = null) => new(
        Write("cert.pem", _leaf.Leaf.ExportCertificatePem()),
        Write("key.pem", (key ?? _leaf.Key).ExportPkcs8Pem()),
        chain is null ? null : Write("chain.pem", chain));

    [Fact]
    public void Accepts_a_matching_certificate_key_and_chain()
    {
        var result = Importer.Import("custom", Paths(_certs.Intermediate.ExportCertificatePem()));

        Assert.Empty(result.Errors);
        Assert.Equal(CertificateSource.Custom, result.Certificate?.Metadata?.Source);
        Assert.Equal(_certs.Intermediate.Thumbprint, Assert.Single(result.Certificate!.Chain).Thumbprint);
    }

    [Fact]
    public void Accepts_a_full_chain_in_the_certificate_file()
    {
        var paths = new CustomCertificatePaths(
            Write("fullchain.pem", _leaf.Leaf.ExportCertificatePem() + "\n" + _certs.Intermediate.ExportCertificatePem()),
            Write("key.pem", _leaf.Key.ExportPkcs8Pem()));

        Assert.Single(Importer.Import("custom", paths).Certificate!.Chain);
    }

    [Fact]
    public void Refuses_a_key_that_belongs_to_another_certificate()
    {
        using var other = PrivateKey.Generate(KeyType.EcdsaP256);

        var result = Importer.Import("custom", Paths(key: other));

        Assert.Equal($"The key in '{_dir.Combine("key.pem")}' does not belong to the certificate in '{_dir.Combine("cert.pem")}' (CN=nas.home.test).",
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Refuses_an_expired_certificate()
    {
        _clock.Advance(TimeSpan.FromDays(100));

        var result = Importer.Import("custom", Paths());

        Assert.Equal("The certificate 'CN=nas.home.test' expired on 2026-05-30 00:00:00Z.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Refuses_a_chain_in_the_wrong_order_and_says_so()
    {
        var result = Importer.Import("custom", Paths(_certs.Root.ExportCertificatePem() + "\n" + _certs.Intermediate.ExportCertificatePem()));

        Assert.Contains("The chain is out of order", Assert.Single(result.Errors));
    }

    [Fact]
    public void Refuses_a_chain_that_does_not_belong_to_the_certificate()
    {
        using var strangers = new TestCertificates(Start);

        var result = Importer.Import("custom", Paths(strangers.Intermediate.ExportCertificatePem()));

        Assert.StartsWith("Chain position 1 (", Assert.Single(result.Errors));
    }

    [Fact]
    public void Explains_swapped_certificate_and_key_paths()
    {
        var paths = Paths();

        var result = Importer.Import("custom", paths with { CertificatePath = paths.KeyPath });

        Assert.Contains(result.Errors, e => e.EndsWith("did you swap the certificate and key paths?"));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var result = Importer.Import("custom", new CustomCertificatePaths(_dir.Combine("missing.pem"),
            Write("key.pem", _leaf.Key.ExportPkcs8Pem(), AtomicFileWriter.PublicMode)));

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains($"'{_dir.Combine("missing.pem")}' does not exist.", result.Errors);
        Assert.Contains(result.Errors, e => e.Contains("chmod 600"));
        Assert.False(result.Succeeded);
    }

    public void Dispose()
    {
        _certs.Dispose();
        _dir.Dispose();
    }
}
