using System.Net;
using System.Net.Sockets;
using HomelabGate.Daemon.Health;

namespace HomelabGate.Tests.Daemon;

/// <summary>The few words a log line gives for a failed target, from the exceptions a real HttpClient throws.</summary>
public sealed class TargetProblemTests
{
    private static async Task<Exception> FailureAsync(string url, TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        return await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(url));
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port; // bound, never listening: the kernel refuses

        Assert.Equal("connection refused", TargetProblem.Describe(await FailureAsync($"http://127.0.0.1:{port}/")));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_says_so() =>
        Assert.Equal("its name does not resolve", TargetProblem.Describe(await FailureAsync("http://target.invalid/")));

    [Fact]
    public async Task A_server_that_never_answers_is_no_answer_in_time()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal("no answer in time", TargetProblem.Describe(await FailureAsync($"http://127.0.0.1:{port}/", TimeSpan.FromMilliseconds(300))));
    }

    [Theory]
    [InlineData(503, 200, 399, "answered 503, expected 200-399")]
    [InlineData(404, 200, 200, "answered 404, expected 200")]
    public void A_status_outside_the_range_names_both(int status, int min, int max, string expected) =>
        Assert.Equal(expected, TargetProblem.Status(status, min, max));

    [Fact]
    public void Urls_lose_their_user_and_password() =>
        Assert.Equal("http://10.0.0.5:8096/", TargetProblem.Redact("http://admin:hunter2@10.0.0.5:8096/"));
}
