using HomelabGate.Proxy.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabGate.Tests.Proxy.Requests;

public sealed class RawPathTests
{
    /// <summary>A request as Kestrel hands it over: the raw target and the decoded, dot-segment-free path it routed on.</summary>
    private static DefaultHttpContext Request(string rawTarget, string routedPath, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        context.Request.Path = routedPath;
        context.Request.QueryString = new QueryString(query);
        return context;
    }

    [Theory]
    [InlineData("/admin%2fx", "/admin%2fx", 0, "/admin%2fx")]
    [InlineData("/admin/a%2Fb%20c", "/admin/a%2Fb c", 1, "/a%2Fb%20c")]
    [InlineData("/admin/x%3By", "/admin/x;y", 1, "/x%3By")]
    [InlineData("/a%FFb", "/a%FFb", 0, "/a%FFb")]
    [InlineData("/%61dmin/x", "/admin/x", 1, "/x")]
    [InlineData("/api/v1/items/", "/api/v1/items/", 2, "/items/")]
    [InlineData("/admin", "/admin", 1, "/")]
    [InlineData("/admin/", "/admin/", 1, "/")]
    [InlineData("/", "/", 0, "/")]
    public void The_upstream_gets_the_clients_bytes_less_the_stripped_segments(string raw, string routed, int strip, string expected) =>
        Assert.Equal(expected, VerbatimPath.Path(Request(raw, routed), strip));

    [Theory]
    [InlineData("/a/../b", "/b", "/b")]
    [InlineData("/a/%2e%2E/b%2fc", "/b%2fc", "/b%2fc")]
    [InlineData("/a/./b/.", "/a/b/", "/a/b/")]
    [InlineData("/../..", "/", "/")]
    [InlineData("/a/b/..", "/a/", "/a/")]
    public void Dot_segments_are_removed_from_the_raw_path_exactly_where_kestrel_removed_them(string raw, string routed, string expected) =>
        Assert.Equal(expected, VerbatimPath.Path(Request(raw, routed), 0));

    [Theory]
    [InlineData("/a#b", "/a#b", "/a%23b")]
    [InlineData("/a\\b", "/a\\b", "/a%5Cb")]
    [InlineData("/a\"<>^`{|}b", "/a\"<>^`{|}b", "/a%22%3C%3E%5E%60%7B%7C%7Db")]
    public void Characters_a_uri_path_cannot_hold_are_percent_encoded_and_nothing_else(string raw, string routed, string expected) =>
        Assert.Equal(expected, VerbatimPath.Path(Request(raw, routed), 0));

    [Fact]
    public void The_query_is_kept_as_sent_with_only_a_fragment_sign_encoded() =>
        Assert.Equal("/x?q=%2f&a=b%20c#", VerbatimPath.PathAndQuery(Request("/x?q=%2f&a=b%20c#", "/x", "?q=%2f&a=b%20c#")).Replace("%23", "#"));

    [Theory]
    [InlineData("http://app.test/admin%2fx", "/admin/x", 1, "/x")]
    [InlineData("http://app.test/a%252fb", "/a%2fb", 0, "/a%252fb")]
    public void An_absolute_form_target_which_kestrel_decodes_completely_is_sent_as_routed(string raw, string routed, int strip, string expected) =>
        Assert.Equal(expected, VerbatimPath.Path(Request(raw, routed), strip));

    [Theory]
    [InlineData(".", 1)]
    [InlineData("..", 2)]
    [InlineData("%2e", 1)]
    [InlineData(".%2E", 2)]
    [InlineData("...", 0)]
    [InlineData("%2e%2e%2e", 0)]
    [InlineData(".a", 0)]
    [InlineData("%2", 0)]
    [InlineData("", 0)]
    public void A_segment_is_a_dot_segment_when_it_decodes_to_one_or_two_dots(string segment, int dots) =>
        Assert.Equal(dots, RawPath.DotCount(segment));
}
