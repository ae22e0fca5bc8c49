using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon;

/// <summary>Source-generated log messages of the daemon (no formatting cost when a level is off).</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(1, LogLevel.Information, "Serving {Hosts} hosts from {Manifest} (manifest {Hash})")]
    public static partial void Serving(ILogger logger, int hosts, string manifest, string hash);

    [LoggerMessage(2, LogLevel.Information, "Applied: {Add} to add, {Change} to change, {Destroy} to destroy ({Trigger}, {Milliseconds} ms)")]
    public static partial void Applied(ILogger logger, int add, int change, int destroy, string trigger, long milliseconds);

    [LoggerMessage(17, LogLevel.Warning, "Applied in part: {Add} to add, {Change} to change, {Destroy} to destroy ({Trigger}, {Milliseconds} ms); what failed (above) stays pending and is tried again")]
    public static partial void AppliedInPart(ILogger logger, int add, int change, int destroy, string trigger, long milliseconds);

    [LoggerMessage(3, LogLevel.Error, "The manifest is invalid; still serving the last good configuration. Fix it and save: it is read again at once.\n{Diagnostics}")]
    public static partial void Invalid(ILogger logger, string diagnostics);

    [LoggerMessage(4, LogLevel.Error, "The proxy rejected the new configuration; still serving the last good one: {Problems}")]
    public static partial void ProxyRejected(ILogger logger, string problems);

    [LoggerMessage(5, LogLevel.Warning, "Listener settings changed ({Change}); they take effect when gate restarts")]
    public static partial void ListenersNeedRestart(ILogger logger, string change);

    [LoggerMessage(6, LogLevel.Information, "Reload requested by {Source}")]
    public static partial void ReloadRequested(ILogger logger, string source);

    [LoggerMessage(7, LogLevel.Error, "Reconcile failed: {Message}; the last good configuration keeps serving, and the next file change, SIGHUP or resync tries again")]
    public static partial void ReconcileFailed(ILogger logger, string message, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "{Message}")]
    public static partial void ManifestWarning(ILogger logger, string message);

    [LoggerMessage(11, LogLevel.Error, "DNS ({Provider}) failed: {Message}; the records stay as they are and are written again after a back-off (1 min, doubling up to 6 h)")]
    public static partial void DnsFailed(ILogger logger, string provider, string message);

    [LoggerMessage(12, LogLevel.Information, "DNS ({Provider}): {Changes} record changes written (drift repaired: {Drift}; conflicts left alone: {Conflicts})")]
    public static partial void DnsApplied(ILogger logger, string provider, int changes, int drift, int conflicts);

    [LoggerMessage(15, LogLevel.Error, "certificate {Name} failed: {Message}; it is tried again after a back-off (1 min, doubling up to 6 h)")]
    public static partial void CertificateFailed(ILogger logger, string name, string message);

    [LoggerMessage(17, LogLevel.Error, "The applied state could not be recorded; what was applied keeps serving and a restart serves the last state recorded: {Message}")]
    public static partial void RecordFailed(ILogger logger, string message);

    [LoggerMessage(16, LogLevel.Information, "The manifest {Manifest} is valid again; serving it")]
    public static partial void ValidAgain(ILogger logger, string manifest);

    [LoggerMessage(13, LogLevel.Warning, "The admin listener {Address} is reachable from other machines but settings.adminToken is not set: only /healthz, /readyz and the CA downloads answer them (401 for the rest)")]
    public static partial void AdminWithoutToken(ILogger logger, string address);

    [LoggerMessage(14, LogLevel.Error, "settings.adminToken {Reference} cannot be read ({Reason}); the admin API refuses every request except /healthz, /readyz and the CA downloads")]
    public static partial void AdminTokenUnavailable(ILogger logger, string reference, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Manifest unchanged after {Trigger}; nothing to do")]
    public static partial void Unchanged(ILogger logger, string trigger);
}
