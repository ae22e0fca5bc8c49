using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Inspection;

public sealed class CertificateInfoReaderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestCertificates _certs = new(Start);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Describes_names_dates_and_renewal()
    {
        var leaf = _certs.Leaf(["nas.home.test", "192.168.1.5"]).Leaf;
        var clock = new FakeTimeProvider(Start.AddDays(10).AddHours(1));

        var info = new CertificateInfoReader(clock, new RenewalWindow()).Read("nas", leaf);

        Assert.Equal("CN=nas.home.test", info.Subject);
        Assert.Equal(["nas.home.test", "192.168.1.5"], info.SubjectAlternativeNames);
        Assert.Equal(_certs.Intermediate.Subject, info.Issuer);
        Assert.Equal(79, info.DaysLeft);
        Assert.Equal(Start.AddDays(60), info.RenewalDue);
        Assert.Equal(Start.AddDays(90), info.NotAfter);
    }

    [Fact]
    public void Fingerprint_matches_openssl()
    {
        var leaf = _certs.Leaf(["nas.home.test"]).Leaf;
        var path = _dir.Combine("leaf.pem");
        File.WriteAllText(path, leaf.ExportCertificatePem());

        var openssl = Tool.Run("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", path).Output.Trim();

        Assert.Equal($"sha256 Fingerprint={CertificateInfoReader.Sha256Fingerprint(leaf)}", openssl);
    }

    public void Dispose()
    {
        _certs.Dispose();
        _dir.Dispose();
    }
}
