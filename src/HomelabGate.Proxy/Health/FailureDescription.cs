using System.Net.Sockets;
using System.Security.Authentication;
using HomelabGate.Proxy.Outbound;
using Yarp.ReverseProxy.Forwarder;

namespace HomelabGate.Proxy.Health;

/// <summary>Why a request to (or a probe of) a target failed, in a few words for a status line: "connection refused",
/// "certificate rejected: name mismatch (…)", "answered 503", "no answer in time" — never a stack trace or a type name.</summary>
public static class FailureDescription
{
    private static readonly string[] Answered = ["answered 502", "answered 503", "answered 504"];

    /// <summary>"answered 503" for the statuses an unavailable upstream answers with; null for any other.</summary>
    public static string? Status(int status) => status is >= 502 and <= 504 ? Answered[status - 502] : null;

    public static string Of(ForwarderError error, Exception? exception) => exception is not null && Of(exception) is { } described
        ? described
        : error switch
        {
            ForwarderError.RequestTimedOut => "no answer in time",
            ForwarderError.ResponseHeaders => "its answer could not be read",
            ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination => "the connection broke during the transfer",
            _ => "the request failed",
        };

    /// <summary>The first cause in the exception chain that says something a person can act on; null when none does.</summary>
    public static string? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case UpstreamCertificateRejectedException rejected:
                    return $"certificate rejected: {rejected.Reason}";
                case AuthenticationException:
                    return "TLS handshake failed";
                case SocketException socket:
                    return Socket(socket.SocketErrorCode);
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return "its name does not resolve";
                case TimeoutException or OperationCanceledException:
                    return "no answer in time";
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return "it closed the connection without answering";
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return "its answer was not valid HTTP";
            }
        }
        return null;
    }

    private static string Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.TimedOut => "connect timed out",
        SocketError.ConnectionReset => "connection reset",
        var other => $"network error ({other})",
    };
}
