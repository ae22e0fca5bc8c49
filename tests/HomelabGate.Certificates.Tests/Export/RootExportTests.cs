using System.Xml.Linq;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Tests.Support;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Export;

public sealed class RootExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new(DateTimeOffset.UtcNow);
    private readonly RootExporter _exporter = new();

    [Fact]
    public void Openssl_reads_the_der_export_as_the_root()
    {
        var path = _dir.Combine("root.cer");
        File.WriteAllBytes(path, _exporter.ToDer(_certs.Root));

        var fingerprint = Tool.Run("openssl", "x509", "-inform", "DER", "-noout", "-fingerprint", "-sha256", "-in", path);

        Assert.Equal($"sha256 Fingerprint={CertificateInfoReader.Sha256Fingerprint(_certs.Root)}", fingerprint.Output.Trim());
    }

    [Fact]
    public void Pkcs12_holds_the_root_certificate_and_no_key()
    {
        var path = _dir.Combine("root.p12");
        File.WriteAllBytes(path, _exporter.ToPkcs12(_certs.Root, "s3cret"));

        var withPassword = Tool.Run("openssl", "pkcs12", "-in", path, "-passin", "pass:s3cret", "-nodes");
        var wrongPassword = Tool.Run("openssl", "pkcs12", "-in", path, "-passin", "pass:wrong", "-nodes");

        Assert.True(withPassword.ExitCode == 0, withPassword.ToString());
        Assert.Contains(_certs.Root.ExportCertificatePem().Split('\n')[^2], withPassword.Output);
        Assert.DoesNotContain("PRIVATE KEY", withPassword.Output);
        Assert.NotEqual(0, wrongPassword.ExitCode);
    }

    [Fact]
    public void Mobileconfig_carries_the_root_in_a_com_apple_security_root_payload()
    {
        var profile = XDocument.Parse(new MobileConfigWriter().Write(_certs.Root));

        var payload = profile.Descendants("array").Single().Element("dict")!;
        Assert.Equal("com.apple.security.root", ValueAfter(payload, "PayloadType"));
        Assert.Equal(Convert.ToBase64String(_certs.Root.RawData), ValueAfter(payload, "PayloadContent"));
        Assert.Equal("Configuration", ValueAfter(profile.Root!.Element("dict")!, "PayloadType"));
    }

    [Fact]
    public void Mobileconfig_is_a_valid_plist_with_stable_distinct_uuids()
    {
        var first = new MobileConfigWriter().Write(_certs.Root);
        var path = _dir.Combine("root.mobileconfig");
        File.WriteAllText(path, first);

        var parsed = Tool.Run("python3", "-c",
            "import plistlib,sys; p=plistlib.load(open(sys.argv[1],'rb')); print(p['PayloadUUID'], p['PayloadContent'][0]['PayloadUUID'])", path);

        Assert.True(parsed.ExitCode == 0, parsed.ToString());
        var uuids = parsed.Output.Trim().Split(' ');
        Assert.NotEqual(uuids[0], uuids[1]);
        Assert.All(uuids, u => Assert.True(Guid.TryParse(u, out _)));
        Assert.Equal(first, new MobileConfigWriter().Write(_certs.Root));
    }

    private static string ValueAfter(XElement dict, string key) =>
        dict.Elements("key").Single(k => k.Value == key).ElementsAfterSelf().First().Value;

    public void Dispose()
    {
        _certs.Dispose();
        _dir.Dispose();
    }
}
