using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Proxy.Outbound;

/// <summary>One line when an upstream's certificate is refused, in the manifest's words. Every new connection would
/// repeat it, so the same refusal of the same target is written again only after a minute.</summary>
public sealed partial class UpstreamTlsLog(ILogger<UpstreamTlsLog> logger, TimeProvider time)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Pool, string Target), (string Reason, DateTimeOffset At)> _last = new();

    public void Rejected(string pool, string target, string reason)
    {
        var now = time.GetUtcNow();
        var key = (pool, target);
        if (_last.TryGetValue(key, out var last) && last.Reason == reason && now - last.At < Quiet)
        {
            return;
        }
        _last[key] = (reason, now);
        CertificateRejected(logger, pool, target, reason);
    }

    [LoggerMessage(301, LogLevel.Warning, "{Pool}: the certificate of target {Target} was rejected: {Reason}; its requests get 502 until it is fixed (tls.ca trusts a private CA, tls.serverName names the expected name)")]
    private static partial void CertificateRejected(ILogger logger, string pool, string target, string reason);
}
