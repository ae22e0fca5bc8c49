using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Proxy.Outbound;

namespace HomelabGate.Tests.Proxy.Outbound;

/// <summary>The upstream certificate check's verdicts against certificates made here by a throwaway CA: trusted only by
/// that CA (as <c>tls.ca</c>), for a name or an IP address, expired or not.</summary>
public sealed class CertificateVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static (X509Certificate2 Ca, X509Certificate2 Leaf) Issue(string dnsName, IPAddress? ip, DateTimeOffset notAfter, string caName = "Test upstream CA")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var ca = caRequest.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(5));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={dnsName}", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        if (ip is not null)
        {
            san.AddIpAddress(ip);
        }
        leafRequest.CertificateExtensions.Add(san.Build());
        var leaf = leafRequest.Create(ca, Now.AddDays(-30), notAfter, [1, 2, 3, 4]);
        return (ca, leaf);
    }

    private static string? Verdict(X509Certificate2 leaf, X509Certificate2? ca, string expected) =>
        CertificateVerdict.Refusal(leaf, null, SslPolicyErrors.None, ca is null ? null : [ca], expected, Now);

    [Theory]
    [InlineData("pve.home.test")]
    [InlineData("192.168.1.20")]
    public void A_certificate_from_the_pools_ca_for_the_targets_own_name_or_ip_is_accepted(string target)
    {
        var (ca, leaf) = Issue("pve.home.test", IPAddress.Parse("192.168.1.20"), Now.AddDays(60));

        Assert.Null(Verdict(leaf, ca, target));
    }

    [Fact]
    public void A_certificate_for_another_name_is_a_name_mismatch_that_says_both_names()
    {
        var (ca, leaf) = Issue("pve.home.test", IPAddress.Parse("192.168.1.20"), Now.AddDays(60));

        Assert.Equal("name mismatch (it is for pve.home.test, 192.168.1.20, not jellyfin.home.test)", Verdict(leaf, ca, "jellyfin.home.test"));
    }

    [Fact]
    public void A_certificate_of_another_ca_is_untrusted()
    {
        var (_, leaf) = Issue("pve.home.test", null, Now.AddDays(60));
        var (otherCa, _) = Issue("other.test", null, Now.AddDays(60), caName: "Another CA");

        Assert.Equal("untrusted: not issued by the CA in tls.ca", Verdict(leaf, otherCa, "pve.home.test"));
    }

    [Fact]
    public void A_certificate_of_a_new_ca_with_the_old_name_is_untrusted_and_says_so()
    {
        var (_, leaf) = Issue("pve.home.test", null, Now.AddDays(60));
        var (sameName, _) = Issue("other.test", null, Now.AddDays(60));

        Assert.Equal("untrusted: not issued by the CA in tls.ca (a CA of the same name but another key signed it)", Verdict(leaf, sameName, "pve.home.test"));
    }

    [Fact]
    public void An_expired_certificate_says_when_it_expired()
    {
        var (ca, leaf) = Issue("pve.home.test", null, Now.AddDays(-2));

        Assert.Equal($"expired on {Now.AddDays(-2).UtcDateTime:yyyy-MM-dd HH:mm} UTC", Verdict(leaf, ca, "pve.home.test"));
    }

    [Fact]
    public void Without_tls_ca_the_systems_chain_verdict_counts_and_the_platforms_name_verdict_does_not()
    {
        var (_, leaf) = Issue("pve.home.test", null, Now.AddDays(60));

        Assert.Null(CertificateVerdict.Refusal(leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch, null, "pve.home.test", Now));
        Assert.StartsWith("untrusted: not issued by a CA this machine trusts",
            CertificateVerdict.Refusal(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors, null, "pve.home.test", Now), StringComparison.Ordinal);
    }
}
