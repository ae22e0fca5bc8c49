using HomelabGate.Core.Challenges;
using HomelabGate.Dns.Challenges.Cloudflare;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Challenges.Cloudflare;

public sealed class CloudflareDns01SolverTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private CloudflareDns01Solver Solver(CloudflareStandin cloudflare, string token = CloudflareStandin.Token)
    {
        var options = new CloudflareOptions(cloudflare.Server.BaseAddress, TestSecrets.Ref("CF_API_TOKEN"));
        var secrets = new TestSecrets(new Dictionary<string, string> { ["CF_API_TOKEN"] = token });
        return new CloudflareDns01Solver(new CloudflareClient(_http, options, secrets), options);
    }

    [Fact]
    public async Task Present_finds_the_zone_from_the_name_and_creates_one_TXT_record_per_value_against_cloudflare_standin()
    {
        await using var cloudflare = new CloudflareStandin();
        var solver = Solver(cloudflare);

        await solver.PresentAsync(new Dns01Challenge("app.example.com", "_acme-challenge.app.example.com.", "apex"), default);
        await solver.PresentAsync(new Dns01Challenge("*.app.example.com", "_acme-challenge.app.example.com.", "wild"), default);
        await solver.PresentAsync(new Dns01Challenge("*.app.example.com", "_acme-challenge.app.example.com.", "wild"), default);

        Assert.Equal(
            [("_acme-challenge.app.example.com", "apex"), ("_acme-challenge.app.example.com", "wild")],
            cloudflare.Records.Values.OrderBy(r => r.Content));
    }

    [Fact]
    public async Task Cleanup_deletes_only_the_record_with_its_value_against_cloudflare_standin()
    {
        await using var cloudflare = new CloudflareStandin();
        var solver = Solver(cloudflare);
        var apex = new Dns01Challenge("app.example.com", "_acme-challenge.app.example.com.", "apex");
        await solver.PresentAsync(apex, default);
        await solver.PresentAsync(new Dns01Challenge("*.app.example.com", "_acme-challenge.app.example.com.", "wild"), default);

        await solver.CleanUpAsync(apex, default);

        Assert.Equal([("_acme-challenge.app.example.com", "wild")], cloudflare.Records.Values);
    }

    [Fact]
    public async Task A_rejected_token_shows_cloudflares_error_and_the_reference_but_not_the_token_against_cloudflare_standin()
    {
        await using var cloudflare = new CloudflareStandin();

        var error = await Assert.ThrowsAsync<CloudflareException>(() =>
            Solver(cloudflare, token: "leaked-if-printed").PresentAsync(new Dns01Challenge("a.example.com", "_acme-challenge.a.example.com.", "v"), default));

        Assert.Contains("10000: Authentication error", error.Message);
        Assert.Contains("${env:CF_API_TOKEN}", error.Message);
        Assert.DoesNotContain("leaked-if-printed", error.Message);
    }

    [Fact]
    public async Task A_name_in_no_visible_zone_is_reported_with_the_zones_tried_against_cloudflare_standin()
    {
        await using var cloudflare = new CloudflareStandin();

        var error = await Assert.ThrowsAsync<CloudflareException>(() =>
            Solver(cloudflare).PresentAsync(new Dns01Challenge("a.other.org", "_acme-challenge.a.other.org.", "v"), default));

        Assert.Contains("tried a.other.org, other.org", error.Message);
    }
}
