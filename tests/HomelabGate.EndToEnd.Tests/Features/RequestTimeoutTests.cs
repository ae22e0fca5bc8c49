using System.Diagnostics;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>A host's <c>timeout</c> through the real daemon: an upstream slower than it gets the client a 504 when the
/// timeout passes (not when the upstream finally answers); a faster one is answered as usual.</summary>
public sealed class RequestTimeoutTests(RequestTimeoutTests.Daemon daemon) : IClassFixture<RequestTimeoutTests.Daemon>
{
    private Task<HttpResult> CurlAsync(string host, string path) => Curl.GetWithHostHeaderAsync(daemon.Gate.Workspace.Ports.Proxy, host, path);

    [Fact]
    public async Task An_upstream_slower_than_the_timeout_gets_the_client_a_504_when_the_timeout_passes()
    {
        var clock = Stopwatch.StartNew();
        var result = await CurlAsync("timed.test", "/slow?ms=8000");
        clock.Stop();

        Assert.True(result.Status == 504, $"expected 504, got {result}\n--- daemon ---\n{daemon.Gate.Output}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task An_upstream_faster_than_the_timeout_is_answered()
    {
        var result = await CurlAsync("timed.test", "/slow?ms=100");

        Assert.Equal(200, result.Status);
        Assert.Equal("slow", result.Header("X-Upstream"));
    }

    [Fact]
    public async Task A_host_without_a_timeout_waits_for_its_upstream()
    {
        var result = await CurlAsync("patient.test", "/slow?ms=2500");

        Assert.Equal(200, result.Status);
    }

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await UpstreamServer.StartAsync("slow"));
            return Manifests.Header + $"""
                hosts:
                  timed:
                    domains: [timed.test]
                    to: {upstream.Address}
                    timeout: 1s
                  patient:
                    domains: [patient.test]
                    to: {upstream.Address}
                """;
        }
    }
}
