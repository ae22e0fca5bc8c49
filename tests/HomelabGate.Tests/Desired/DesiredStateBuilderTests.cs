using HomelabGate.Core.Desired;

namespace HomelabGate.Tests.Desired;

public sealed class DesiredStateBuilderTests
{
    private static DesiredState Build(string yaml)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        return new DesiredStateBuilder().Build(result.Manifest!.Spec);
    }

    [Fact]
    public void Normalizes_domains_so_reordering_and_case_are_not_changes()
    {
        var a = Build("version: 1\nhosts:\n  j: { domains: [B.test, a.test.], to: http://x:1 }\n");
        var b = Build("version: 1\nhosts:\n  j: { domains: [a.test, b.test], to: http://x:1 }\n");
        Assert.Equal(a, b);
        Assert.Equal(["a.test", "b.test"], a.Find<ProxyHost>("j")!.Domains);
    }

    [Fact]
    public void Makes_an_inline_to_into_a_pool_of_one()
    {
        var state = Build("version: 1\nhosts:\n  j: { domains: [j.test], to: http://x:1 }\n");
        var pool = Assert.Single(state.All<UpstreamPool>());
        Assert.True(pool.Inline);
        Assert.Equal(pool.Name, state.Find<ProxyHost>("j")!.Upstream);
    }

    [Fact]
    public void A_locations_inline_pool_never_collides_with_another_hosts_pool()
    {
        // Host "a-location-0" once got the same pool name as host a's first location, and building the state threw.
        var state = Build("version: 1\nhosts:\n  a:\n    domains: [a.test]\n    to: http://x:1\n    locations: [{ path: /api, to: http://x:2 }]\n  a-location-0: { domains: [b.test], to: http://x:3 }\n");
        var pools = state.All<UpstreamPool>().ToDictionary(p => p.Name, p => p.Targets.Single().Url);
        Assert.Equal(3, pools.Count);
        Assert.Equal("http://x:2", pools[state.Find<ProxyHost>("a")!.Locations[0].Upstream]);
        Assert.Equal("http://x:3", pools[state.Find<ProxyHost>("a-location-0")!.Upstream!]);
    }

    [Fact]
    public void Derives_auto_dns_records_for_host_names_but_not_wildcards_or_explicit_names()
    {
        var state = Build("version: 1\ndns:\n  provider: { type: hosts-file, path: /tmp/h }\n  auto: { target: 100.64.0.10 }\n  records:\n    - { name: nas.home.test, type: A, value: 192.168.1.5 }\nhosts:\n  a: { domains: [a.home.test, \"*.apps.home.test\", nas.home.test], to: http://x:1 }\n");
        var records = state.All<DnsRecord>().ToDictionary(r => r.Name);
        Assert.Equal(["a.home.test", "nas.home.test"], records.Keys.Order());
        Assert.Equal(["100.64.0.10"], records["a.home.test"].Values);
        Assert.Equal(["192.168.1.5"], records["nas.home.test"].Values);
    }

    [Fact]
    public void Puts_deny_rules_before_allow_rules()
    {
        var state = Build("version: 1\naccessLists:\n  l: { allow: [\"10.0.0.0/8\"], deny: [\"10.0.0.66\"] }\n");
        Assert.Equal([new IpRule(false, "10.0.0.66"), new IpRule(true, "10.0.0.0/8")], state.Find<AccessList>("l")!.Rules);
    }
}
