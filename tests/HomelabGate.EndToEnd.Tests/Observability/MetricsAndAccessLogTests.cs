using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>/metrics on the real daemon after real requests, and the access log lines those requests wrote.</summary>
public sealed class MetricsAndAccessLogTests(MetricsAndAccessLogTests.Daemon daemon) : IClassFixture<MetricsAndAccessLogTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    private async Task<MetricsScrape> ScrapeAsync()
    {
        var result = await Gate.AdminGetAsync("/metrics");
        Assert.True(result.Status == 200, $"/metrics answered {result}");
        Assert.StartsWith("text/plain; version=0.0.4", result.Header("Content-Type"));
        return new MetricsScrape(result.Body);
    }

    [Fact]
    public async Task Requests_are_counted_by_host_status_class_and_upstream()
    {
        var before = await ScrapeAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await Gate.GetAsync("media.test", "/movies")).Status);
        }
        Assert.Equal(200, (await Gate.GetAsync("hello.test")).Status);
        Assert.Equal(404, (await Gate.GetAsync("nobody.test")).Status);
        Assert.Equal(404, (await Gate.GetAsync("nobody.test")).Status);

        double Delta(MetricsScrape after, string host, string statusClass, string upstream)
        {
            (string, string)[] labels = [("host", host), ("status_class", statusClass), ("upstream", upstream)];
            return (after.Value("homelabgate_requests_total", labels) ?? 0) - (before.Value("homelabgate_requests_total", labels) ?? 0);
        }
        // A request is counted when the pipeline returns, which can be a moment after the client has the whole answer.
        var after = await Poll.UntilAsync(ScrapeAsync, s => Delta(s, "(default)", "4xx", "(none)") >= 2 && Delta(s, "media", "2xx", "media") >= 3,
            "the counters include every request sent", TimeSpan.FromSeconds(5));
        Assert.Equal(3, Delta(after, "media", "2xx", "media"));
        Assert.Equal(1, Delta(after, "hello", "2xx", "(none)"));
        Assert.Equal(2, Delta(after, "(default)", "4xx", "(none)"));
        Assert.Equal(0, Delta(after, "media", "5xx", "media"));
    }

    [Fact]
    public async Task State_gauges_show_targets_reloads_dns_and_reconcile_durations()
    {
        var scrape = await ScrapeAsync();

        Assert.Equal(1, scrape.Value("homelabgate_upstream_healthy", ("upstream", "media"), ("target", daemon.Upstreams["media"].Address)));
        Assert.Equal(1, scrape.Value("homelabgate_last_reload_success"));
        var appliedAt = scrape.Value("homelabgate_last_reload_timestamp_seconds");
        Assert.InRange(appliedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.True(scrape.Value("homelabgate_reconcile_duration_seconds_count") >= 1, scrape.Text);
        Assert.Equal(0, scrape.Value("homelabgate_dns_drift", ("kind", "deleted")));
        Assert.Contains("# TYPE homelabgate_reconcile_duration_seconds histogram", scrape.Text);
        Assert.DoesNotContain("process_cpu_seconds_total", scrape.Text);
    }

    [Fact]
    public async Task Each_request_writes_one_access_log_line_with_credentials_redacted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Gate.ProxyUrl("/search?q=cats&access_token=tok-4711&page=2"));
        request.Headers.Host = "media.test";
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "auth-header-4711");
        request.Headers.Add("Cookie", "session=cookie-4711");
        using var response = await TestHttp.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);

        var line = await Poll.UntilAsync(() => Task.FromResult(Gate.Output.Split('\n').FirstOrDefault(l => l.Contains("/search?", StringComparison.Ordinal))),
            l => l is not null, "the access log line appears", context: () => Gate.Output);

        Assert.Contains("HomelabGate.Access", line);
        Assert.Contains($"media.test \"GET /search?q=cats&access_token=REDACTED&page=2\" 200", line);
        Assert.Contains($"upstream={daemon.Upstreams["media"].Address}", line);
        Assert.Contains("client=127.0.0.1", line);
        Assert.DoesNotContain("4711", Gate.Output);
    }

    public sealed class Daemon() : GateFixture("media")
    {
        protected override string InitialManifest() => Manifests.Header + $$"""
            upstreams:
              media:
                targets: ["{{Upstreams["media"].Address}}"]
            hosts:
              media:
                domains: [media.test]
                upstream: media
              hello:
                domains: [hello.test]
                respond:
                  body: hello
            """;
    }
}
