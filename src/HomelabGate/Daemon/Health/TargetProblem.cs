using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using HomelabGate.Proxy.Outbound;

namespace HomelabGate.Daemon.Health;

/// <summary>Why a target failed, in a few words a person reads in a log line or on the status page ("connection
/// refused", "answered 503, expected 200-399", "certificate rejected") — never a stack trace or a type name.</summary>
public static class TargetProblem
{
    public static string Describe(Exception exception) => Rejected(exception) is { } rejected
        ? $"certificate rejected: {rejected.Reason}"
        : exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "its name does not resolve",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } e => Tls(e),
            HttpRequestException { InnerException: SocketException socket } => Socket(socket.SocketErrorCode),
            HttpRequestException { InnerException: AuthenticationException } e => Tls(e),
            HttpRequestException { InnerException: IOException } => "the connection closed before an answer",
            SocketException socket => Socket(socket.SocketErrorCode),
            TimeoutException or OperationCanceledException => "no answer in time",
            AuthenticationException => "TLS handshake failed: certificate rejected",
            _ => FirstLine(exception.Message),
        };

    /// <summary>Our upstream certificate check says why it refused (name mismatch, untrusted, expired); .NET wraps its
    /// exception in one or two of its own.</summary>
    private static UpstreamCertificateRejectedException? Rejected(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is UpstreamCertificateRejectedException rejected)
            {
                return rejected;
            }
        }
        return null;
    }

    public static string Status(int status, int min, int max) =>
        $"answered {status}, expected {(min == max ? $"{min}" : $"{min}-{max}")}";

    /// <summary>A URL as logs may show it: without user name and password.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    private static string Tls(Exception e) =>
        e.InnerException is AuthenticationException { Message: var message } && message.Contains("certificate", StringComparison.OrdinalIgnoreCase)
            ? "TLS handshake failed: certificate rejected (set tls.ca for a private CA, or tls.serverName)"
            : "TLS handshake failed";

    private static string Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset => "connection reset",
        var other => $"network error ({other})",
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
