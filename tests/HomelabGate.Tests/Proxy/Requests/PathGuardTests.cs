using HomelabGate.Proxy.Requests;

namespace HomelabGate.Tests.Proxy.Requests;

public sealed class PathGuardTests
{
    private static readonly PathGuard Locations = new(["/admin", "/api/v1", "/api"]);

    [Theory]
    [InlineData("/admin/..%2Fx")]
    [InlineData("/admin/..%2fx")]
    [InlineData("/public/%2e%2e%5Cadmin")]
    [InlineData("/public/..\\admin")]
    [InlineData("/x%2F..")]
    [InlineData("/x%2F.%2Fy")]
    [InlineData("/public/..;/admin")]
    [InlineData("/public/.;jsessionid=1/admin")]
    [InlineData("/admin/../x")]
    public void A_dot_segment_hidden_from_kestrels_normalisation_is_refused(string routedPath)
    {
        Assert.NotNull(PathGuard.None.Refusal(routedPath));
        Assert.Contains("dot segment", Locations.Refusal(routedPath));
    }

    [Theory]
    [InlineData("/admin%2Fx", "location '/admin/'", "the host itself")]
    [InlineData("/api%2fv1/items", "location '/api/v1/'", "the host itself")]
    [InlineData("/api%2fv2/items", "location '/api/'", "the host itself")]
    [InlineData("/api/v1%2Fitems", "location '/api/v1/'", "location '/api/'")]
    [InlineData("/ADMIN%5Cx", "location '/admin/'", "the host itself")]
    public void An_encoded_slash_that_would_select_another_location_once_decoded_is_refused(string routedPath, string decoded, string routed) =>
        Assert.Equal($"an encoded slash in the path would put it under {decoded} for an upstream that decodes it, but it was routed to {routed}", Locations.Refusal(routedPath));

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/src/branch/main/dir%2Ffile.go")]
    [InlineData("/admin/a%2Fb")]
    [InlineData("/static/app.min.js")]
    [InlineData("/files/...")]
    [InlineData("/x;a=b/y")]
    [InlineData("/.well-known/acme")]
    [InlineData("/a..b/c.")]
    public void Ordinary_paths_and_encoded_slashes_that_stay_in_their_location_pass(string routedPath) =>
        Assert.Null(Locations.Refusal(routedPath));
}
