using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Bytes sent over a TCP connection exactly as given — malformed requests no HTTP client would write — and
/// everything that comes back until the server closes. When nothing arrives for <see cref="Idle"/>, the sending side
/// is shut down, so a server waiting for more body bytes learns there are none instead of making the test wait (not
/// at once: Kestrel takes a client's FIN as the end of the connection and drops an answer not yet written).</summary>
public static partial class RawHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    /// <param name="from">The local address to connect from (127.0.0.2 is loopback too, but another peer).</param>
    public static async Task<RawAnswer> SendAsync(int port, byte[] request, IPAddress? from = null, IPAddress? to = null)
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
        try
        {
            await socket.SendAsync(request, SocketFlags.None, deadline.Token);
            var buffer = new byte[16 * 1024];
            var sending = true;
            while (true)
            {
                var receive = socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).AsTask();
                if (sending && await Task.WhenAny(receive, Task.Delay(Idle, deadline.Token)) != receive)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    sending = false;
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
        return new RawAnswer(Encoding.Latin1.GetString(received.ToArray()), timedOut, clock.Elapsed);
    }

    public static Task<RawAnswer> SendAsync(int port, string request, IPAddress? from = null, IPAddress? to = null) =>
        SendAsync(port, Encoding.Latin1.GetBytes(request), from, to);

    [GeneratedRegex(@"(?:^|\r?\n)HTTP/1\.[01] (\d{3})")]
    internal static partial Regex StatusLine();
}

/// <summary>What came back on one raw connection: every response in order (a pipelined request gets its own).</summary>
public sealed record RawAnswer(string Text, bool TimedOut, TimeSpan Elapsed)
{
    public IReadOnlyList<int> Statuses { get; } = [.. RawHttp.StatusLine().Matches(Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    public int? Status => Statuses.Count > 0 ? Statuses[0] : null;

    public override string ToString() => TimedOut ? $"(no end within {RawHttp.Timeout.TotalSeconds:0} s) {Text}" : Text;
}
