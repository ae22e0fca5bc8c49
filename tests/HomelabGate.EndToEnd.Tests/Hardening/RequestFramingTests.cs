using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>Requests whose body framing is ambiguous are refused before anything is forwarded (nginx ≥ 1.21.1 does the
/// same), so a request hidden in a body can never reach an upstream.</summary>
public sealed class RequestFramingTests(RequestHandlingDaemon daemon) : IClassFixture<RequestHandlingDaemon>
{
    private int Port => daemon.Gate.Workspace.Ports.Proxy;

    [Theory]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 48")]
    [InlineData("Content-Length: 0\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: gzip, chunked")]
    [InlineData("Transfer-Encoding: chunked, chunked")]
    public async Task A_body_framed_two_ways_is_refused_with_400_and_the_connection_closed(string framing)
    {
        var before = daemon.UpstreamRequests;

        var answer = await RawHttp.SendAsync(Port,
            $"POST / HTTP/1.1\r\nHost: app.test\r\n{framing}\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: app.test\r\n\r\n");

        Assert.Equal([400], answer.Statuses);
        Assert.Contains("Connection: close", answer.Text);
        Assert.Equal(before, daemon.UpstreamRequests);
    }

    [Theory]
    [InlineData("CONNECT app.test:80 HTTP/1.1", 405)]
    [InlineData("TRACE / HTTP/1.1", 405)]
    public async Task Connect_and_trace_are_not_allowed_rather_than_a_502(string requestLine, int status)
    {
        var answer = await RawHttp.SendAsync(Port, $"{requestLine}\r\nHost: app.test:80\r\nConnection: close\r\n\r\n");

        Assert.True(answer.Status == status, answer.ToString());
    }

    [Fact]
    public async Task A_single_chunked_body_still_reaches_the_upstream_whole()
    {
        var answer = await RawHttp.SendAsync(Port, "POST /upload HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

        var echo = RawTargetEcho.From(answer);
        Assert.Equal("hello world", echo.Body);
        Assert.Equal("/upload", echo.RawTarget);
    }
}
