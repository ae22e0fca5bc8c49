using HomelabGate.Core.Engine;
using HomelabGate.Daemon.Status;
using HomelabGate.Rendering;
using HomelabGate.Status;

namespace HomelabGate.Tests.Daemon;

public sealed class StatusPageRendererTests
{
    private static readonly StatusPageRenderer Renderer = new(new PlanLayout(new AttributeDefaults()));

    private static string Render(bool invalid = false) => Renderer.Render(SampleSnapshot.Create(invalid));

    private static StatusSnapshot AllWell() => SampleSnapshot.Create() with
    {
        Upstreams = [],
        Certificates = [new CertificateStatus("wildcard", CertificateCondition.Ready, "valid", true, SampleSnapshot.Now.AddDays(70))],
        Dns = null,
    };

    [Fact]
    public void Renders_the_sample_snapshot_as_the_golden_page() => Golden.Match("status-page.html", Render());

    [Fact]
    public void Renders_an_invalid_manifest_with_its_diagnostics_first() => Golden.Match("status-page-invalid.html", Render(invalid: true));

    [Fact]
    public void Html_encodes_every_value_from_the_manifest_and_the_world()
    {
        var html = Render();

        Assert.DoesNotContain("<b>evil</b>", html);
        Assert.Contains("&lt;b&gt;evil&lt;/b&gt;", html);
        Assert.Contains("rate limited &lt;retry later&gt;", html);
    }

    [Fact]
    public void The_badge_is_red_and_counts_problems_while_a_target_is_down_or_something_failed()
    {
        var html = Render();

        Assert.Contains("<span class=\"badge bad\">serving, 3 problems</span>", html);
        Assert.Contains("<h2>3 problems · 2 warnings</h2>", html);
        Assert.Contains("host media: target http://192.168.1.11:8096/ is down (connection refused)", html);
    }

    [Fact]
    public void The_badge_is_green_only_when_nothing_is_wrong() =>
        Assert.Contains("<span class=\"badge ok\">serving</span>", Renderer.Render(AllWell()));

    [Fact]
    public void A_warning_alone_makes_the_badge_amber() =>
        Assert.Contains("<span class=\"badge warn\">serving, 1 warning</span>", Renderer.Render(AllWell() with
        {
            Certificates = [new CertificateStatus("nas", CertificateCondition.Ready, "valid", true, SampleSnapshot.Now.AddDays(15)) { NotBefore = SampleSnapshot.Now.AddDays(-75) }],
        }));

    [Fact]
    public void Certificate_expiry_is_amber_below_21_days_and_red_below_7()
    {
        var html = Render();

        Assert.Contains("<span class=\"ok\">in 70 days</span>", html);
        Assert.Contains("<span class=\"warn\">in 9 days</span>", html);
        Assert.Contains("<span class=\"bad\">in 3 days</span>", html);
        Assert.Contains("<span class=\"bad\">none is stored</span>", html);
    }

    [Fact]
    public void Domains_are_links_with_the_listeners_scheme_and_port_but_wildcards_are_not()
    {
        var html = Render();

        Assert.Contains("<a href=\"https://media.home.test:8443/\">media.home.test</a>", html);
        Assert.Contains("<a href=\"http://hello.home.test/\">hello.home.test</a>", html);
        Assert.Contains("<a href=\"https://wiki.home.test/\">wiki.home.test</a>", html);
        Assert.DoesNotContain("href=\"https://*.", html);
    }

    [Fact]
    public void Shows_requests_and_5xx_per_host_certificates_streams_and_access_lists()
    {
        var html = Render();

        Assert.Contains("12,345 <span class=\"bad\">(17 5xx)</span>", html);
        Assert.Contains("<a href=\"#certificate-wildcard\">wildcard</a>", html);
        Assert.Contains("id=\"streams\"", html);
        Assert.Contains("<code>192.168.1.20:22</code>", html);
        Assert.Contains("id=\"access-lists\"", html);
        Assert.Contains("2 allow, 1 deny", html);
    }

    [Fact]
    public void Never_shows_an_inline_pool_name_or_a_password_in_a_target_url()
    {
        var html = Render();

        Assert.DoesNotContain("host:vault", html);
        Assert.DoesNotContain("hunter2", html);
        Assert.Contains("<code>http://192.168.1.60/</code>", html);
    }

    [Fact]
    public void Links_the_ca_downloads()
    {
        var html = Render();

        Assert.Contains("<a href=\"/ca.pem\">", html);
        Assert.Contains("<a href=\"/ca.der\">", html);
        Assert.Contains("<a href=\"/ca.mobileconfig\">", html);
    }

    [Fact]
    public void Shows_no_validation_section_while_the_manifest_is_valid() =>
        Assert.DoesNotContain("id=\"validation\"", Render());
}
