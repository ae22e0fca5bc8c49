using Microsoft.Extensions.Logging;

namespace HomelabGate.Proxy.ForwardAuth;

internal static partial class ForwardAuthLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Forward auth for host {Host}: {Url} did not answer ({Reason}); the request was refused with 502")]
    public static partial void Unavailable(ILogger logger, string host, Uri url, string reason);
}
