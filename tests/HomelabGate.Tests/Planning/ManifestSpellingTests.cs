using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Tests.Planning;

/// <summary>Plans print attributes as the manifest writes them, not as the resources hold them.</summary>
public sealed class ManifestSpellingTests
{
    private static Dictionary<string, string> Shown(Resource resource) => ResourceAttributes.Flatten(resource).ToDictionary(a => a.Key, a => a.Value);

    [Fact]
    public void An_access_list_shows_deny_and_allow_lists_and_satisfy()
    {
        var list = new AccessList
        {
            Name = "lan",
            Rules = new([new IpRule(false, "192.168.1.66"), new IpRule(true, "192.168.1.0/24"), new IpRule(true, "100.64.0.0/10")]),
            RequireAll = true,
        };

        var shown = Shown(list);

        Assert.Equal("[\"192.168.1.66\"]", shown["deny"]);
        Assert.Equal("[\"192.168.1.0/24\",\"100.64.0.0/10\"]", shown["allow"]);
        Assert.Equal("\"all\"", shown["satisfy"]);
        Assert.DoesNotContain(shown.Keys, k => k.StartsWith("rules", StringComparison.Ordinal) || k == "requireAll");
    }

    [Fact]
    public void A_pool_shows_expect_status_as_a_range_and_sticky_and_timeouts_as_written()
    {
        var pool = new UpstreamPool
        {
            Name = "p",
            Targets = new([new UpstreamTarget("http://a", 1)]),
            HealthCheck = new ActiveHealthCheck("/", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 200, 299, 1, 2),
            StickyCookie = "c",
            ConnectTimeout = TimeSpan.FromSeconds(3),
            ResponseTimeout = TimeSpan.FromMinutes(2),
        };

        var shown = Shown(pool);

        Assert.Equal("\"200-299\"", shown["healthCheck.expectStatus"]);
        Assert.Equal("\"c\"", shown["sticky.cookie"]);
        Assert.Equal("\"3s\"", shown["timeouts.connect"]);
        Assert.Equal("\"2m\"", shown["timeouts.response"]);
        Assert.Equal("\"200\"", Shown(pool with { HealthCheck = pool.HealthCheck! with { MaxStatus = 200 } })["healthCheck.expectStatus"]);
    }

    [Fact]
    public void Settings_show_listeners_the_dns_provider_and_streams_by_name()
    {
        var settings = new GatewaySettings
        {
            HttpsListen = "0.0.0.0:443",
            Dns = new DnsProviderSettings { Type = DnsProviderType.HostsFile, Path = "/etc/hosts.d/gate" },
            Streams = new([new TcpStream("ssh", "0.0.0.0:2222", "10.0.0.2:22")]),
        };

        var shown = Shown(settings);

        Assert.Equal("\"0.0.0.0:8080\"", shown["listen.http"]);
        Assert.Equal("\"0.0.0.0:443\"", shown["listen.https"]);
        Assert.Equal("\"127.0.0.1:9180\"", shown["admin"]);
        Assert.Equal("\"hosts-file\"", shown["dns.provider.type"]);
        Assert.Equal("\"homelabgate\"", shown["dnsOwnerId"]);
        Assert.Equal("\"10.0.0.2:22\"", shown["streams.ssh.to"]);
        Assert.DoesNotContain(shown.Keys, k => k.Contains("tsig", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_host_shows_sizes_hsts_age_and_headers_as_written()
    {
        var host = new ProxyHost
        {
            Name = "h",
            Domains = new(["h.test"]),
            MaxBodySize = 512L * 1024 * 1024,
            Hsts = new HstsPolicy(180 * 86400, false, false),
            ResponseHeaders = new HeaderRules(ValueList<HeaderValue>.Empty, new(["server"])),
        };

        var shown = Shown(host);

        Assert.Equal("\"512MB\"", shown["maxBodySize"]);
        Assert.Equal("\"180d\"", shown["hsts.maxAge"]);
        Assert.Equal("[\"server\"]", shown["headers.response.remove"]);
    }

    [Fact]
    public void A_changed_satisfy_is_the_reason_in_the_manifests_word()
    {
        var before = new AccessList { Name = "lan", RequireAll = false };

        Assert.Equal("changed: satisfy", ChangeReasons.Changed(before, before with { RequireAll = true }));
    }
}
