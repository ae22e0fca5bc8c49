using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>One real <c>gate run</c> daemon in a <see cref="GateWorkspace"/>: started with the built gate.dll, ready when
/// its admin /readyz answers 200, its stdout and stderr kept for assertion messages. Disposing sends SIGTERM, waits, and
/// kills it by pid if it does not stop.</summary>
public sealed class GateProcess : IAsyncDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private const int StartAttempts = 3;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private GateProcess(Process process, GateWorkspace workspace)
    {
        _process = process;
        Workspace = workspace;
    }

    public GateWorkspace Workspace { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>stdout and stderr interleaved as they arrived (stderr lines marked), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>gate run</c> and waits until it is ready; retries with fresh ports when one was taken meanwhile.</summary>
    public static Task<GateProcess> StartAsync(GateWorkspace workspace, params string[] extraArguments) => StartAsync(workspace, null, extraArguments);

    /// <param name="environment">Extra variables for the daemon (a replica id, secrets the manifest references).</param>
    public static async Task<GateProcess> StartAsync(GateWorkspace workspace, IReadOnlyDictionary<string, string>? environment, params string[] extraArguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var gate = Launch(workspace, environment, extraArguments);
            if (await gate.TryWaitUntilReadyAsync(ReadyTimeout))
            {
                return gate;
            }
            var output = gate.Output;
            await gate.DisposeAsync();
            if (attempt < StartAttempts && output.Contains("cannot listen", StringComparison.Ordinal))
            {
                workspace.ReassignPorts();
                continue;
            }
            throw new InvalidOperationException($"gate did not become ready within {ReadyTimeout} (attempt {attempt}):\n{output}");
        }
    }

    /// <summary>Starts <c>gate run</c> without waiting for readiness (for daemons expected to refuse to start).</summary>
    public static GateProcess Launch(GateWorkspace workspace, params string[] extraArguments) => Launch(workspace, null, extraArguments);

    public static GateProcess Launch(GateWorkspace workspace, IReadOnlyDictionary<string, string>? environment, params string[] extraArguments)
    {
        var info = new ProcessStartInfo(GateBinary.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
        };
        foreach (var argument in GateBinary.Arguments(["run", "-f", workspace.ManifestPath, "--state-dir", workspace.StateDir, .. extraArguments]))
        {
            info.ArgumentList.Add(argument);
        }
        TestEnvironment.Apply(info);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var gate = new GateProcess(process, workspace);
        process.OutputDataReceived += (_, e) => gate.Append(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => gate.Append(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gate;
    }

    private void Append(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(isError ? "err| " : "out| ").AppendLine(line);
            if (isError)
            {
                _error.AppendLine(line);
            }
        }
    }

    public async Task<bool> TryWaitUntilReadyAsync(TimeSpan timeout)
    {
        var readyz = new Uri($"http://{Workspace.Ports.AdminAddress}/readyz");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !_process.HasExited)
        {
            // Ours, not another process that took the admin port after FreePorts handed it out (a gate of another test
            // answered /readyz while this one had exited with "cannot listen"): our own log names the admin listener.
            if (await TestHttp.StatusOrNullAsync(readyz) == 200 && Output.Contains($"Now listening on: {readyz.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal))
            {
                return !_process.HasExited;
            }
            await Task.Delay(50);
        }
        return false;
    }

    /// <returns>The exit code; throws (with the daemon's output) when it does not exit in time.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"gate (pid {Pid}) did not exit within {timeout}:\n{Output}");
        }
        return _process.ExitCode;
    }

    public Task SignalAsync(string signal) => UnixSignal.SendAsync(Pid, signal);

    /// <summary>SIGTERM, then wait for the daemon to drain and exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("TERM");
        }
        return await WaitForExitAsync(StopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SignalAsync("TERM");
                using var deadline = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the signal.
        }
        finally
        {
            _process.Dispose();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"gate pid {Pid} proxy {Workspace.Ports.Proxy} admin {Workspace.Ports.Admin}");
}
