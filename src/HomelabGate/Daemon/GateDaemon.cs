using System.Net.Sockets;
using System.Runtime.InteropServices;
using HomelabGate.Application;
using HomelabGate.Core.State;
using HomelabGate.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Daemon;

/// <summary><c>gate run</c>: take the state lock, serve the manifest (or, if it is invalid at start, the last applied
/// state), then reconcile on every file change, on SIGHUP, on <c>gate apply</c> and on a timer, until SIGTERM drains.</summary>
public sealed class GateDaemon(ManifestPipeline pipeline, DiagnosticRenderer diagnostics, Action<IServiceCollection>? configure = null)
{
    public async Task<int> RunAsync(GatePaths paths, DaemonOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var first = pipeline.Run(paths);
        var stateDir = first.StateDir ?? paths.ResolveStateDir(null);
        var fallback = first.Succeeded ? null : TryLoadApplied(stateDir, error);
        if (!first.Succeeded)
        {
            diagnostics.Render(first.Load.Diagnostics, first.Load.Source, error);
            if (fallback is null)
            {
                error.WriteLine("gate: the manifest is invalid and no earlier configuration was applied; nothing to serve.");
                return 1;
            }
            error.WriteLine($"gate: the manifest is invalid; serving the configuration applied at {fallback.AppliedAt:u}.");
        }
        var settings = (first.Desired ?? fallback!.Desired).Settings;
        using var stateLock = AcquireLock(stateDir, settings.AdminListen, error);
        if (stateLock is null)
        {
            return 1;
        }
        if (ListenerCheck.Problems(settings) is { Count: > 0 } listeners)
        {
            foreach (var problem in listeners)
            {
                error.WriteLine($"gate: {problem}");
            }
            error.WriteLine("gate: nothing was applied; fix this and start again.");
            return 1;
        }
        WebApplication app;
        try
        {
            app = GateWebHost.Build(paths, settings, stateDir, options, configure);
        }
        catch (Exception e) when (e is InvalidOperationException or Core.Secrets.SecretUnavailableException)
        {
            error.WriteLine($"gate: {e.Message}");
            return 1;
        }
        await using (app)
        {
            if (!await Cluster.ClusterDaemon.TryStartAsync(app.Services, error, cancellationToken))
            {
                return 1;
            }
            var loop = app.Services.GetRequiredService<ReconcileLoop>();
            if (first.Succeeded)
            {
                await loop.ReconcileOnceAsync("start", cancellationToken);
            }
            else
            {
                await loop.ServeAppliedAsync(fallback!.Desired, cancellationToken);
            }
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException)
            {
                // Port taken, or below 1024 without CAP_NET_BIND_SERVICE: say which, without a stack trace.
                error.WriteLine($"gate: cannot listen: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
                return 1;
            }
            return await ServeAsync(app, loop, paths, options, cancellationToken);
        }
    }

    private static async Task<int> ServeAsync(WebApplication app, ReconcileLoop loop, GatePaths paths, DaemonOptions options, CancellationToken cancellationToken)
    {
        var time = app.Services.GetRequiredService<TimeProvider>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        using var watcher = new ManifestWatcher(paths.ManifestPath, options.PollManifest, TimeSpan.FromMilliseconds(200), time, () => loop.Request("file change"));
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            loop.Request("SIGHUP");
        });
        using var resync = time.CreateTimer(_ => loop.Request("timer"), null, options.ResyncInterval, options.ResyncInterval);
        using var trimmer = IdleHeapTrimmer.ForThisProcess(time);
        var loopTask = loop.RunAsync(stopping.Token);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            await stopping.CancelAsync();
            try
            {
                await loopTask;
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }

    private static AppliedState? TryLoadApplied(string stateDir, TextWriter error)
    {
        try
        {
            return new StateStore(stateDir).LoadApplied();
        }
        catch (StateCorruptException e)
        {
            error.WriteLine($"gate: {e.Message}");
            return null;
        }
    }

    private static StateLock? AcquireLock(string stateDir, string admin, TextWriter error)
    {
        try
        {
            var acquired = StateLock.TryAcquire(stateDir, $"admin={admin}\npid={Environment.ProcessId}\n");
            if (acquired is null)
            {
                error.WriteLine($"gate: another gate daemon uses the state directory {stateDir} ({StateLock.ReadHolder(stateDir)?.ReplaceLineEndings(", ").TrimEnd(',', ' ')}).");
            }
            return acquired;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"gate: the state directory {stateDir} is not writable: {e.Message}");
            return null;
        }
    }
}
