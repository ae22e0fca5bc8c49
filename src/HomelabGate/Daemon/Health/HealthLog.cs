using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Health;

/// <summary>One line per change of a target's health, in the manifest's names, saying what happens to the traffic. These
/// replace YARP's probe warnings (destination ids and a stack trace per probe).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(101, LogLevel.Warning, "{Owner}: target {Target} failed its health check: {Problem}; {Next}")]
    public static partial void ProbeFailed(ILogger logger, string owner, string target, string problem, string next);

    [LoggerMessage(102, LogLevel.Warning, "{Owner}: requests to target {Target} failed ({Problem}); it is left out for {Reactivation} and then tried again; {Next}")]
    public static partial void RequestsFailed(ILogger logger, string owner, string target, string problem, string reactivation, string next);

    [LoggerMessage(103, LogLevel.Information, "{Owner}: target {Target} passes its health check again and gets traffic again")]
    public static partial void Recovered(ILogger logger, string owner, string target);
}
