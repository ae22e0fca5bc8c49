using System.Net;
using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Npm.Translation;

namespace HomelabGate.Import.Tests.Npm.Translation;

/// <summary>The translated rules, evaluated the way gate evaluates them, must allow exactly the addresses NPM's nginx
/// allowed (first match, then "deny all") — or the translation must say where they differ.</summary>
public sealed class AccessRuleTranslatorTests
{
    private static readonly string[] Probes = ["100.64.0.1", "100.127.255.254", "192.168.1.5", "192.168.1.66", "192.168.2.1", "10.0.0.5", "8.8.8.8", "fd00::1", "2001:db8::5"];

    [Theory]
    [InlineData("allow 100.64.0.0/10; deny all")]
    [InlineData("deny 192.168.1.66; allow 192.168.1.0/24")]
    [InlineData("allow 192.168.1.0/24; allow fd00::/8; deny 10.0.0.0/8")]
    [InlineData("deny all; allow 192.168.1.5")]
    [InlineData("deny 8.8.8.8; allow all")]
    [InlineData("allow 192.168.1.5/24")]
    [InlineData("deny 10.0.0.0/8")]
    public void Exact_translations_allow_the_same_addresses_as_nginx(string rules)
    {
        var npm = Parse(rules);
        var translated = AccessRuleTranslator.Translate(npm, hasUsers: false, satisfyAny: true);
        Assert.All(Probes, ip => Assert.Equal(Nginx(npm, ip), Gate(translated, ip)));
        Assert.Equal(npm.Any(r => r.Allow), translated.Problems.Count == 0);
    }

    [Fact]
    public void An_allow_before_an_overlapping_deny_that_still_matters_is_reported()
    {
        var translated = AccessRuleTranslator.Translate(Parse("allow 192.168.1.5; deny 192.168.1.0/24; allow 192.168.0.0/16"), hasUsers: false, satisfyAny: true);
        Assert.Equal(["NPM allowed 192.168.1.5 before it denied 192.168.1.0/24; gate checks deny rules first, so addresses in both are now refused"], translated.Problems);
    }

    [Fact]
    public void A_password_only_list_with_satisfy_all_keeps_its_purpose_and_says_what_npm_did()
    {
        var translated = AccessRuleTranslator.Translate([], hasUsers: true, satisfyAny: false);
        Assert.Empty(translated.Allow);
        Assert.Empty(translated.Deny);
        Assert.Contains("refused every client even with the right password", Assert.Single(translated.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Host_bits_in_a_cidr_are_dropped_as_nginx_does()
    {
        Assert.Equal(["192.168.1.0/24"], AccessRuleTranslator.Translate(Parse("allow 192.168.1.5/24"), false, true).Allow);
    }

    [Fact]
    public void A_rule_that_is_no_address_is_reported_not_imported()
    {
        var translated = AccessRuleTranslator.Translate(Parse("allow nas.local; allow 10.0.0.0/8"), false, true);
        Assert.Equal(["10.0.0.0/8"], translated.Allow);
        Assert.Equal(["'nas.local' is not an IP address, CIDR or 'all'; that rule is not imported"], translated.Problems);
    }

    private static List<NpmAccessRule> Parse(string rules) =>
        rules.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(' ')).Select(p => new NpmAccessRule(p[0] == "allow", p[1])).ToList();

    /// <summary>nginx: the first rule that matches decides; NPM's final "deny all" refuses the rest.</summary>
    private static bool Nginx(IEnumerable<NpmAccessRule> rules, string ip) =>
        rules.FirstOrDefault(r => Matches(r.Address, ip))?.Allow ?? false;

    /// <summary>gate (AccessGate): deny entries first, then allow entries; unmatched is refused when allow entries exist.</summary>
    private static bool Gate(AccessRules rules, string ip) =>
        !rules.Deny.Any(d => Matches(d, ip)) && (rules.Allow.Any(a => Matches(a, ip)) || rules.Allow.Count == 0);

    private static bool Matches(string rule, string ip)
    {
        var address = IPAddress.Parse(ip);
        if (rule == "all")
        {
            return true;
        }
        var slash = rule.IndexOf('/');
        var single = slash < 0 ? IPAddress.Parse(rule) : null;
        var network = single is not null ? new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : new IPNetwork(Masked(rule[..slash], int.Parse(rule[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture)), int.Parse(rule[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address);
    }

    private static IPAddress Masked(string ip, int bits)
    {
        var bytes = IPAddress.Parse(ip).GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(bits - (i * 8), 0, 8)));
        }
        return new IPAddress(bytes);
    }
}
