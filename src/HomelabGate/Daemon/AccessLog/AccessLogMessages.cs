using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.AccessLog;

/// <summary>The access log line: source-generated, so a request pays nothing for it when the category is off.
/// With <c>--log-format json</c> each placeholder becomes a field of the line's "State".</summary>
internal static partial class AccessLogMessages
{
    /// <summary>The log category, so the access log can be filtered or routed apart from the daemon's own messages.</summary>
    public const string Category = "HomelabGate.Access";

    [LoggerMessage(100, LogLevel.Information, "{Host} \"{Method} {Path}\" {Status} {DurationMs} ms upstream={Upstream} client={ClientIp}")]
    public static partial void Request(ILogger logger, string host, string method, string path, int status, double durationMs, string upstream, string clientIp);
}
