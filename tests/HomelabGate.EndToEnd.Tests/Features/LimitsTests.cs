using System.Net;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>Per-client rate limits and request body limits through the real daemon, with bounded request counts.</summary>
public sealed class LimitsTests(LimitsTests.Daemon daemon) : IClassFixture<LimitsTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_and_the_upstream_sees_only_the_allowed_requests()
    {
        var before = daemon.Upstream.Requests;
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Gate.GetAsync("limited.test")).Status);
        }
        var refused = await Curl.GetWithHostHeaderAsync(Gate.Workspace.Ports.Proxy, "limited.test");

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.Equal(429, refused.Status);
        Assert.InRange(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(before + 3, daemon.Upstream.Requests);
    }

    [Fact]
    public async Task A_host_without_a_limit_is_not_limited()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await Gate.GetAsync("open.test")).Status);
        }
    }

    [Theory]
    [InlineData(1000, 200)]
    [InlineData(4096, 413)]
    public async Task A_body_larger_than_max_body_size_gets_413(int size, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Gate.ProxyUrl("/upload")) { Content = new ByteArrayContent(new byte[size]) };
        request.Headers.Host = "upload.test";

        using var response = await TestHttp.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode)expected, response.StatusCode);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer Upstream { get; private set; } = null!;

        protected override async Task<string> StartServersAsync()
        {
            Upstream = Own(await LoopbackServer.StartAsync(async context =>
            {
                // Read the whole body, as an upload handler would; the proxy must refuse a large one before this.
                await context.Request.Body.CopyToAsync(Stream.Null);
                await context.Response.WriteAsync("ok");
            }));
            return Manifests.Header + $"""
                hosts:
                  limited:
                    domains: [limited.test]
                    to: {Upstream.Address}
                    rateLimit: {"{"} requests: 3, window: 1m {"}"}
                  open:
                    domains: [open.test]
                    to: {Upstream.Address}
                  upload:
                    domains: [upload.test]
                    to: {Upstream.Address}
                    maxBodySize: 2KB
                """;
        }
    }
}
