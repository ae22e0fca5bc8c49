using HomelabGate.Daemon.Status;

namespace HomelabGate.Tests.Daemon;

public sealed class StatusPageRendererTests
{
    private static string Render(bool invalid = false) => new StatusPageRenderer(new StatusPageSections()).Render(SampleSnapshot.Create(invalid));

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
    public void Warns_about_a_certificate_with_fewer_than_fourteen_days_left()
    {
        var html = Render();

        Assert.Contains("<td data-label=\"Days left\" class=\"warn\">9</td>", html);
        Assert.Contains("<td data-label=\"Days left\" class=\"ok\">70</td>", html);
        Assert.Contains("<td data-label=\"Days left\" class=\"bad\">–</td>", html);
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
