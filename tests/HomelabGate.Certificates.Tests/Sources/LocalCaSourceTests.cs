using HomelabGate.Core.Engine;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Sources;
using HomelabGate.Certificates.Tests.Support;

namespace HomelabGate.Certificates.Tests.Sources;

public sealed class LocalCaSourceTests : IDisposable
{
    private readonly TestCa _ca = new(new LocalCaOptions { NameConstraints = new NameConstraints(["home.test"]) });
    private readonly LeafCertificateRequest _nas = new("nas", ["nas.home.test"]);

    [Fact]
    public async Task Issues_a_missing_certificate_and_says_why()
    {
        var result = await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.Missing, result.IssuedBecause?.Code);
        Assert.Equal(["nas.home.test"], SubjectNames.Of(result.Certificate.Leaf).DnsNames);
        Assert.True(File.Exists(_ca.CertFile("nas", "key.pem")));
    }

    [Fact]
    public async Task A_restart_does_not_reissue_a_valid_certificate()
    {
        var first = await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        _ca.Clock.Advance(TimeSpan.FromDays(30));

        var second = await _ca.Restart().EnsureAsync(_nas, CancellationToken.None);

        Assert.False(second.WasIssued);
        Assert.Equal(first.Certificate.Leaf.SerialNumber, second.Certificate.Leaf.SerialNumber);
    }

    [Fact]
    public async Task A_restart_reuses_the_same_root()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        var root = File.ReadAllText(_ca.CaFile("root.pem"));

        await _ca.Restart().EnsureAsync(_nas with { Name = "other", Domains = ["other.home.test"] }, CancellationToken.None);

        Assert.Equal(root, File.ReadAllText(_ca.CaFile("root.pem")));
    }

    [Fact]
    public async Task Renews_once_a_third_of_the_lifetime_is_left()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        _ca.Clock.Advance(TimeSpan.FromDays(61));

        var result = await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.NearingExpiry, result.IssuedBecause?.Code);
        Assert.True(result.Certificate.Leaf.NotAfter > _ca.Clock.GetUtcNow().AddDays(89).UtcDateTime);
    }

    [Fact]
    public async Task Reissues_when_the_requested_names_change()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);

        var result = await _ca.Issuer.EnsureAsync(_nas with { Domains = ["nas.home.test", "files.home.test"] }, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.SubjectAlternativeNamesDiffer, result.IssuedBecause?.Code);
    }

    [Fact]
    public async Task Refuses_a_name_outside_the_name_constraints_and_names_it()
    {
        var bank = new LeafCertificateRequest("bank", ["www.bank.com", "ok.home.test"]);

        var error = await Assert.ThrowsAsync<CertificateIssueException>(() => _ca.Issuer.EnsureAsync(bank, CancellationToken.None));

        Assert.Equal(["www.bank.com"], Assert.IsType<NameConstraintViolationException>(error.InnerException).Names);
        Assert.Contains("outside the local CA's name constraints (DNS [home.test], IP [])", error.Message);
        Assert.False(Directory.Exists(_ca.State.Combine("certificates", "bank")));
    }

    [Fact]
    public async Task Changing_the_name_constraints_replaces_the_intermediate_and_reissues_leaves()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        var widened = new LocalCaOptions { NameConstraints = new NameConstraints(["home.test", "lab.test"]) };

        var result = await _ca.Restart(widened).EnsureAsync(_nas, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.IssuerChanged, result.IssuedBecause?.Code);
        Assert.Contains("DNS:lab.test", Tool.Run("openssl", "x509", "-noout", "-text", "-in", _ca.CaFile("intermediate.pem")).Output);
    }

    [Fact]
    public async Task Replaces_the_intermediate_when_a_third_of_its_lifetime_is_left_and_keeps_the_root()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        var root = File.ReadAllText(_ca.CaFile("root.pem"));
        var intermediate = File.ReadAllText(_ca.CaFile("intermediate.pem"));
        _ca.Clock.Advance(TimeSpan.FromDays(2 * 365 + 1));

        var result = await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);

        Assert.True(result.WasIssued);
        Assert.NotEqual(intermediate, File.ReadAllText(_ca.CaFile("intermediate.pem")));
        Assert.Equal(root, File.ReadAllText(_ca.CaFile("root.pem")));
        Assert.True(global::HomelabGate.Certificates.Keys.CertificateSignature.IsIssuedBy(result.Certificate.Leaf, new global::HomelabGate.Certificates.Storage.PemFileReader().ReadCertificates(_ca.CaFile("intermediate.pem"))[0]));
    }

    [Fact]
    public async Task A_fresh_leaf_is_due_once_its_intermediate_must_be_replaced()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        _ca.Clock.Advance(TimeSpan.FromDays(2 * 365 - 10));
        var fresh = _nas with { Name = "fresh", Domains = ["fresh.home.test"] };
        var before = await _ca.Issuer.EnsureAsync(fresh, CancellationToken.None);
        _ca.Clock.Advance(TimeSpan.FromDays(11));

        var after = await _ca.Issuer.EnsureAsync(fresh, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.IssuerChanged, after.IssuedBecause?.Code);
        Assert.Contains("a third of its lifetime is left", after.IssuedBecause!.Message);
        Assert.NotEqual(before.Certificate.Leaf.Issuer + before.Certificate.Chain[0].Thumbprint, after.Certificate.Leaf.Issuer + after.Certificate.Chain[0].Thumbprint);
    }

    [Fact]
    public async Task Refuses_a_lifetime_above_apples_825_day_limit()
    {
        var error = await Assert.ThrowsAsync<CertificateIssueException>(
            () => _ca.Issuer.EnsureAsync(_nas with { Lifetime = TimeSpan.FromDays(826) }, CancellationToken.None));

        Assert.Contains("825 days", error.Message);
    }

    [Fact]
    public async Task Reissues_a_damaged_certificate_file()
    {
        await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);
        File.WriteAllText(_ca.CertFile("nas", "cert.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        var result = await _ca.Issuer.EnsureAsync(_nas, CancellationToken.None);

        Assert.Equal(RenewalReasonCode.Unreadable, result.IssuedBecause?.Code);
        Assert.Contains("cert.pem", result.IssuedBecause!.Message);
    }

    public void Dispose() => _ca.Dispose();
}
