using HomelabGate.Acme.Http;

namespace HomelabGate.Acme.Tests.Http;

public sealed class LinkHeaderTests
{
    private static readonly Uri Base = new("https://ca.test/certZ/1");

    [Fact]
    public void Alternate_links_are_found_among_others_and_resolved_against_the_request_URL()
    {
        string[] headers =
        [
            """<https://ca.test/dir>;rel="index", </certZ/1/alternate/1>;rel="alternate" """,
            """<https://ca.test/certZ/1/alternate/2>; rel=alternate""",
        ];

        var links = LinkHeader.Find(headers, "alternate", Base);

        Assert.Equal([new Uri("https://ca.test/certZ/1/alternate/1"), new Uri("https://ca.test/certZ/1/alternate/2")], links);
    }

    [Fact]
    public void A_link_without_the_wanted_relation_is_ignored()
    {
        Assert.Empty(LinkHeader.Find(["""<https://ca.test/dir>;rel="index" """], "alternate", Base));
    }
}
