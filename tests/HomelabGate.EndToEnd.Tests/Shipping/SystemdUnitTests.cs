using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>deploy/systemd/homelabgate.service against the real `gate run` and systemd's own checker.</summary>
[SupportedOSPlatform("linux")]
[Collection(ShippingCollection.Name)]
public sealed class SystemdUnitTests(PublishedGate gate) : IDisposable
{
    private const string UnitPath = "deploy/systemd/homelabgate.service";

    private readonly SystemdUnit _unit = SystemdUnit.Load(gate.RepositoryFile(UnitPath));
    private readonly TempDirectory _temp = new("hg-ship-systemd-");

    [Fact]
    public async Task ExecStart_runs_gate_run_with_only_flags_that_gate_run_accepts()
    {
        var words = _unit.Value("Service", "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gate", Path.GetFileName(words[0]));
        Assert.Equal("run", words[1]);
        var help = await gate.RunAsync("run", "--help");
        Assert.Equal(0, help.ExitCode);
        var flags = words.Skip(2).Where(w => w.StartsWith('-')).ToList();
        Assert.Equal(["-f", "--state-dir"], flags);
        foreach (var flag in flags)
        {
            Assert.Matches($@"(^|[\s,]){System.Text.RegularExpressions.Regex.Escape(flag)}[\s,]", help.StandardOutput);
        }
    }

    [Fact]
    public void The_state_directory_on_the_command_line_is_the_one_systemd_creates_and_the_manifest_folder_is_read_only()
    {
        var words = _unit.Value("Service", "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stateDir = words[Array.IndexOf(words, "--state-dir") + 1];
        var manifest = words[Array.IndexOf(words, "-f") + 1];
        Assert.Equal($"/var/lib/{_unit.Value("Service", "StateDirectory")}", stateDir);
        Assert.Equal(stateDir, _unit.Value("Service", "ReadWritePaths"));
        Assert.Equal(Path.GetDirectoryName(manifest), _unit.Value("Service", "ReadOnlyPaths"));
    }

    [Fact]
    public void Reload_sends_SIGHUP_and_stop_waits_longer_than_the_drain()
    {
        Assert.Equal("/bin/kill -HUP $MAINPID", _unit.Value("Service", "ExecReload"));
        Assert.Equal("SIGTERM", _unit.Value("Service", "KillSignal"));
        var timeout = int.Parse(_unit.Value("Service", "TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(timeout > 10, "the daemon drains for up to 10 s after SIGTERM");
        Assert.Equal("on-failure", _unit.Value("Service", "Restart"));
        Assert.Equal("CAP_NET_BIND_SERVICE", _unit.Value("Service", "AmbientCapabilities"));
        Assert.Equal("CAP_NET_BIND_SERVICE", _unit.Value("Service", "CapabilityBoundingSet"));
        // The .NET JIT needs memory that is written and then made executable.
        Assert.Equal("no", _unit.Value("Service", "MemoryDenyWriteExecute"));
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_without_warnings()
    {
        // verify insists that ExecStart's binary exists: point it at the published one. It exits 0 even for unknown
        // keys or bad values, so any line it prints about the unit fails the test.
        var copy = _temp.Combine("homelabgate.service");
        var text = File.ReadAllText(gate.RepositoryFile(UnitPath));
        var binary = _unit.Value("Service", "ExecStart").Split(' ')[0];
        File.WriteAllText(copy, text.Replace($"ExecStart={binary} ", $"ExecStart={gate.Gate} ", StringComparison.Ordinal));

        var result = await ProcessRunner.RunAsync("systemd-analyze", ["verify", copy], timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, $"systemd-analyze verify failed; Debian's systemd package provides it:\n{result}");
        var complaints = (result.StandardOutput + result.StandardError).Split('\n').Where(l => l.Contains("homelabgate.service", StringComparison.Ordinal)).ToList();
        Assert.True(complaints.Count == 0, string.Join('\n', complaints));
    }

    public void Dispose() => _temp.Dispose();
}
