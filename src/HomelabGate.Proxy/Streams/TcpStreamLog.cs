using Microsoft.Extensions.Logging;

namespace HomelabGate.Proxy.Streams;

internal static partial class TcpStreamLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream}: cannot connect to {Target} ({Reason}); the client's connection was closed")]
    public static partial void ConnectFailed(ILogger logger, string stream, TcpStreamTarget target, string reason);
}
