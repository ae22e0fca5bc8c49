using System.Globalization;
using HomelabGate.Core.Desired;

namespace HomelabGate.Proxy.ErrorPages;

/// <summary>What each answer the gate gives itself says, in words for the person in front of the browser: which host
/// (the <c>{0}</c> slot, filled with the name the client asked for), what went wrong, and the limit when one was hit.
/// Never an upstream's address, an exception or a configuration name.</summary>
internal static class ErrorPageWording
{
    public static string Explanation(int status, ProxyHost host) => status switch
    {
        401 => "{0} needs a user name and password.",
        403 => "You are not allowed to open {0} from here.",
        413 => $"The request to {{0}} is larger than it accepts: at most {Size(host.MaxBodySize ?? 0)}.",
        429 => host.RateLimit is { } limit
            ? $"Too many requests to {{0}} from your address: it allows {limit.Requests} per {CompactDurationConverter.Format(limit.Window)}. Wait a moment and try again."
            : "Too many requests to {0} from your address. Wait a moment and try again.",
        502 => "{0} is not answering: the server behind it could not be reached, or its answer was broken.",
        503 => "{0} is not available right now: no server behind it is up.",
        504 => "{0} did not answer in time.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "the gate makes no page for this status"),
    };

    public const string SignInUnavailable = "{0} could not check whether you may come in: its sign-in service did not answer, so the request was not forwarded.";

    /// <summary>A byte count as the manifest writes sizes (1KB = 1024 bytes): "2 KB", "10 MB", "1500 bytes".</summary>
    public static string Size(long bytes)
    {
        foreach (var (unit, size) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10) })
        {
            if (bytes >= size && bytes % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / size} {unit}");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
