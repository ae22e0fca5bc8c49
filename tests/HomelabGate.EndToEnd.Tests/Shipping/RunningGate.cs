using System.Diagnostics;
using System.Net;
using System.Text;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>A `gate run` daemon started for one test: its stderr collected, stopped with SIGTERM by pid, and killed
/// by pid on dispose if a test failed before stopping it.</summary>
public sealed class RunningGate : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly StringBuilder _error = new();

    public RunningGate(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, bool clearEnvironment)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        if (clearEnvironment)
        {
            // Like a container: only what the image sets, plus what the host needs to find the .NET runtime.
            var keep = info.Environment.Where(e => e.Key is "PATH" || e.Key.StartsWith("DOTNET_ROOT", StringComparison.Ordinal)).ToList();
            info.Environment.Clear();
            keep.ForEach(e => info.Environment[e.Key] = e.Value);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            lock (_log)
            {
                _error.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and error, interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Standard error alone.</summary>
    public string Error
    {
        get
        {
            lock (_log)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Polls GET url until it answers <paramref name="expected"/>; fails with the daemon's log otherwise.</summary>
    public async Task<string> WaitForAsync(HttpClient http, Func<HttpRequestMessage> request, HttpStatusCode expected, TimeSpan deadline)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer";
        while (stopwatch.Elapsed < deadline)
        {
            Assert.False(_process.HasExited, $"gate exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                using var response = await http.SendAsync(request());
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == expected)
                {
                    return body;
                }
                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"no {(int)expected} within {deadline} (last: {last}); gate's log:\n{Log}");
        return "";
    }

    /// <summary>SIGTERM by pid; the exit code and how long the exit took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan bound)
    {
        var stopwatch = Stopwatch.StartNew();
        await Harness.UnixSignal.SendAsync(Pid, "TERM");
        Assert.True(_process.WaitForExit(bound), $"gate did not exit within {bound} of SIGTERM:\n{Log}");
        _process.WaitForExit();
        return (_process.ExitCode, stopwatch.Elapsed);
    }

    /// <summary>For a daemon expected to give up on its own: its exit code, within the bound.</summary>
    public int WaitForExit(TimeSpan bound)
    {
        Assert.True(_process.WaitForExit(bound), $"gate still runs after {bound}:\n{Log}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
