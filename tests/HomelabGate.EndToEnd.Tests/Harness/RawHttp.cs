using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Bytes sent over a TCP connection exactly as given — malformed requests no HTTP client would write — and
/// everything that comes back until the server closes (or <see cref="Timeout"/>). With an <c>idle</c> time, the
/// sending side is shut down once nothing has arrived for that long, so a server waiting for body bytes that will
/// never come learns so instead of making the test wait; not at once, and not by default, because Kestrel takes a
/// client's FIN as the end of the connection and drops an answer not yet written.</summary>
public static partial class RawHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <param name="from">The local address to connect from (127.0.0.2 is loopback too, but another peer).</param>
    /// <param name="keepWaiting">Asked when idle, with what has arrived so far: true to wait on instead of shutting down.</param>
    public static async Task<RawAnswer> SendAsync(int port, byte[] request, IPAddress? from = null, IPAddress? to = null,
        TimeSpan? idle = null, Func<string, bool>? keepWaiting = null)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }
        using var deadline = new CancellationTokenSource(Timeout);
        var clock = Stopwatch.StartNew();
        await socket.ConnectAsync(new IPEndPoint(to ?? IPAddress.Loopback, port), deadline.Token);
        var received = new MemoryStream();
        var timedOut = false;
        var halfClosed = false;
        try
        {
            await socket.SendAsync(request, SocketFlags.None, deadline.Token);
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var receive = socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).AsTask();
                while (idle is { } quiet && !halfClosed && !deadline.IsCancellationRequested && await Task.WhenAny(receive, Task.Delay(quiet, deadline.Token)) != receive)
                {
                    if (keepWaiting?.Invoke(Encoding.Latin1.GetString(received.ToArray())) != true)
                    {
                        socket.Shutdown(SocketShutdown.Send);
                        halfClosed = true;
                    }
                }
                var read = await receive;
                if (read == 0)
                {
                    break;
                }
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
        }
        catch (SocketException)
        {
            // A reset after (or instead of) an answer: what arrived is the answer.
        }
        return new RawAnswer(Encoding.Latin1.GetString(received.ToArray()), timedOut, halfClosed, clock.Elapsed);
    }

    public static Task<RawAnswer> SendAsync(int port, string request, IPAddress? from = null, IPAddress? to = null) =>
        SendAsync(port, Encoding.Latin1.GetBytes(request), from, to);

    [GeneratedRegex(@"(?:^|\r?\n)HTTP/1\.[01] (\d{3})")]
    internal static partial Regex StatusLine();
}

/// <summary>What came back on one raw connection: every response in order (a pipelined request gets its own), and
/// whether the client had to shut its sending side down after an idle time.</summary>
public sealed record RawAnswer(string Text, bool TimedOut, bool HalfClosed, TimeSpan Elapsed)
{
    public IReadOnlyList<int> Statuses { get; } = [.. RawHttp.StatusLine().Matches(Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    public int? Status => Statuses.Count > 0 ? Statuses[0] : null;

    public override string ToString() => TimedOut ? $"(no end within {RawHttp.Timeout.TotalSeconds:0} s) {Text}" : Text;
}
