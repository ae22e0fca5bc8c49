using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Proxy.ErrorPages;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Proxy.ErrorPages;

public sealed class HostErrorPagesTests
{
    private static ProxyHost Host(string extra = "", string? folder = null)
    {
        var result = ManifestFixture.Load($"version: 1\nhosts:\n  app:\n    domains: [app.home.test, \"*.apps.home.test\"]\n    to: http://10.0.0.5:8080\n{extra}");
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        var builder = new DesiredStateBuilder();
        return (folder is null ? builder.Build(result.Manifest!.Spec) : builder.Build(result.Manifest!.Spec, folder)).Find<ProxyHost>("app")!;
    }

    private static async Task<(int Status, string? Type, string Body, string? Length)> AnswerAsync(HostErrorPages pages, int status,
        string accept, string host = "app.home.test", string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString(host);
        context.Request.Headers.Accept = accept;
        var body = new MemoryStream();
        context.Response.Body = body;
        await pages.WriteAsync(context, status);
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()), context.Response.Headers.ContentLength?.ToString());
    }

    [Fact]
    public async Task A_browser_gets_a_small_html_page_naming_the_host_and_what_failed()
    {
        var (status, type, body, _) = await AnswerAsync(HostErrorPages.For(Host()), 502, "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(502, status);
        Assert.Equal("text/html; charset=utf-8", type);
        Assert.Contains("<title>502 Bad Gateway</title>", body, StringComparison.Ordinal);
        Assert.Contains("<p>app.home.test is not answering", body, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.5", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 200, 2048);
    }

    [Fact]
    public async Task A_client_that_does_not_ask_for_html_gets_one_line_of_text()
    {
        var (_, type, body, length) = await AnswerAsync(HostErrorPages.For(Host()), 504, "*/*");

        Assert.Equal("text/plain; charset=utf-8", type);
        Assert.Equal("504 Gateway Timeout: app.home.test did not answer in time.\n", body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body).ToString(), length);
    }

    [Fact]
    public async Task The_413_page_names_the_hosts_limit_and_the_429_page_its_rate()
    {
        var pages = HostErrorPages.For(Host("    maxBodySize: 10MB\n    rateLimit: { requests: 30, window: 1m }\n"));

        var (_, _, tooLarge, _) = await AnswerAsync(pages, 413, "");
        var (_, _, tooMany, _) = await AnswerAsync(pages, 429, "");

        Assert.Contains("at most 10 MB", tooLarge, StringComparison.Ordinal);
        Assert.Contains("it allows 30 per 1m", tooMany, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_name_the_client_asked_for_is_html_encoded()
    {
        var (_, _, body, _) = await AnswerAsync(HostErrorPages.For(Host()), 503, "text/html", host: "x<b>.apps.home.test");

        Assert.Contains("x&lt;b&gt;.apps.home.test is not available", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_page_goes_to_browsers_and_text_clients_keep_the_line()
    {
        using var folder = new TempDirectory();
        folder.Write("pages/502.html", "<h1>The NAS is asleep</h1>");
        var pages = HostErrorPages.For(Host("    errorPages: { 502: pages/502.html }\n", folder.Path));

        var (_, browserType, browser, _) = await AnswerAsync(pages, 502, "text/html");
        var (_, _, text, _) = await AnswerAsync(pages, 502, "application/json");
        var (_, _, other, _) = await AnswerAsync(pages, 503, "text/html");

        Assert.Equal("text/html; charset=utf-8", browserType);
        Assert.Equal("<h1>The NAS is asleep</h1>", browser);
        Assert.StartsWith("502 Bad Gateway: app.home.test is not answering", text, StringComparison.Ordinal);
        Assert.Contains("503 Service Unavailable", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_request_gets_the_status_and_length_without_a_body()
    {
        var (status, _, body, length) = await AnswerAsync(HostErrorPages.For(Host()), 403, "", method: "HEAD");

        Assert.Equal(403, status);
        Assert.Equal("", body);
        Assert.NotEqual("0", length);
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(403, true)]
    [InlineData(413, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(404, false)]
    public void Only_the_answers_the_gate_gives_itself_have_a_page(int status, bool covered) =>
        Assert.Equal(covered, HostErrorPages.Covers(status));
}
