using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary><c>compression: true</c> through the real daemon, seen by curl: only the host that asks for it, only when
/// the client accepts it, never on top of the upstream's own encoding.</summary>
public sealed class CompressionTests(CompressionTests.Daemon daemon) : IClassFixture<CompressionTests.Daemon>
{
    public static readonly string Page = "<!doctype html><title>photos</title>" + string.Concat(Enumerable.Repeat("<p>A homelab page worth compressing.</p>", 100));

    private Task<HttpResult> CurlAsync(string host, string path, params string[] extra) =>
        Curl.RunAsync([.. extra, "-H", $"Host: {host}", $"http://127.0.0.1:{daemon.Gate.Workspace.Ports.Proxy}{path}"]);

    [Fact]
    public async Task A_host_with_compression_answers_gzip_to_a_client_that_accepts_it()
    {
        var result = await CurlAsync("zip.test", "/", "--compressed", "-H", "Accept-Encoding: gzip");

        Assert.Equal("gzip", result.Header("Content-Encoding"));
        Assert.Equal(Page, result.Body);
    }

    [Fact]
    public async Task A_host_with_compression_answers_brotli_when_the_client_prefers_it()
    {
        var result = await CurlAsync("zip.test", "/", "--compressed", "-H", "Accept-Encoding: br");

        Assert.Equal("br", result.Header("Content-Encoding"));
        Assert.Equal(Page, result.Body);
    }

    [Fact]
    public async Task A_host_without_compression_answers_uncompressed()
    {
        var result = await CurlAsync("plain.test", "/", "--compressed", "-H", "Accept-Encoding: gzip");

        Assert.Null(result.Header("Content-Encoding"));
        Assert.Equal(Page, result.Body);
    }

    [Fact]
    public async Task A_client_that_does_not_accept_an_encoding_gets_the_page_as_it_is()
    {
        var result = await CurlAsync("zip.test", "/");

        Assert.Null(result.Header("Content-Encoding"));
        Assert.Equal(Page, result.Body);
    }

    [Fact]
    public async Task An_answer_the_upstream_already_encoded_is_not_encoded_again()
    {
        var result = await CurlAsync("zip.test", "/encoded", "-H", "Accept-Encoding: gzip");

        Assert.Equal("identity-marked", result.Header("Content-Encoding"));
        Assert.Equal("already encoded", result.Body);
    }

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await LoopbackServer.StartAsync(context =>
            {
                if (context.Request.Path == "/encoded")
                {
                    // A made-up coding the test can recognise: compressing on top of it would change the body.
                    context.Response.Headers.ContentEncoding = "identity-marked";
                    context.Response.ContentType = "text/plain";
                    return context.Response.WriteAsync("already encoded");
                }
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(Page);
            }));
            return Manifests.Header + $"""
                hosts:
                  zip:
                    domains: [zip.test]
                    to: {upstream.Address}
                    compression: true
                  plain:
                    domains: [plain.test]
                    to: {upstream.Address}
                """;
        }
    }
}
