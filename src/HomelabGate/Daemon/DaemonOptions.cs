namespace HomelabGate.Daemon;

/// <summary>How <c>gate run</c> was asked to behave.</summary>
public sealed record DaemonOptions(bool PollManifest, LogFormat LogFormat, TimeSpan ResyncInterval, TimeSpan ShutdownTimeout)
{
    public const string PollVariable = "HOMELABGATE_POLL";
}

public enum LogFormat
{
    Text,
    Json,
}
