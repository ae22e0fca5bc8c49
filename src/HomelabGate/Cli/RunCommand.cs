using System.CommandLine;
using HomelabGate.Daemon;

namespace HomelabGate.Cli;

/// <summary><c>gate run</c>: the daemon.</summary>
public sealed class RunCommand(CommonOptions options, GateDaemon daemon)
{
    private readonly Option<bool> _poll = new("--poll")
    {
        Description = $"Poll the manifest instead of using inotify (file systems without change events); also ${DaemonOptions.PollVariable}=1",
    };

    private readonly Option<LogFormat> _logFormat = new("--log-format") { Description = "Log format", DefaultValueFactory = _ => LogFormat.Text };

    /// <summary>The longest drain <c>--drain-seconds</c> accepts.</summary>
    public static readonly TimeSpan MaximumDrain = TimeSpan.FromMinutes(5);

    /// <summary>Inside <c>docker stop</c>'s default 10 s grace, with a second to exit before its SIGKILL.</summary>
    public const int DefaultDrainSeconds = 9;

    private readonly Option<int> _drain = new("--drain-seconds")
    {
        Description = $"On SIGTERM, how long in-flight requests may take to finish (1-{(int)MaximumDrain.TotalSeconds}); keep it below your container's stop grace period",
        DefaultValueFactory = _ => DefaultDrainSeconds,
    };

    private readonly Option<int> _resync = new("--resync-seconds")
    {
        Description = "Re-check the manifest and the world this often, even without file events",
        DefaultValueFactory = _ => 60,
    };

    public Command Build()
    {
        var command = new Command("run", "Serve the manifest and keep the homelab in line with it") { options.File, options.StateDir, _poll, _logFormat, _resync, _drain };
        command.SetAction((result, cancellationToken) =>
        {
            var poll = result.GetValue(_poll) || Environment.GetEnvironmentVariable(DaemonOptions.PollVariable) is "1" or "true";
            var drain = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(_drain), 1, (int)MaximumDrain.TotalSeconds));
            var daemonOptions = new DaemonOptions(poll, result.GetValue(_logFormat), TimeSpan.FromSeconds(Math.Max(1, result.GetValue(_resync))), drain);
            return daemon.RunAsync(options.Paths(result), daemonOptions, result.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }
}
