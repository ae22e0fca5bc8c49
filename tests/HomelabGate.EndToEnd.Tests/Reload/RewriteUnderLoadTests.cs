using System.Globalization;
using System.Text;
using HomelabGate.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace HomelabGate.EndToEnd.Tests.Reload;

/// <summary>The rewrite fuzzer that once killed the daemon 4 times in 320 rewrites and doubled its memory: hundreds of
/// manifests, a third of them hostile, saved into a running daemon while clients keep requesting. Nothing may die, no
/// request may fail, every good edit is served, and memory may not keep growing.</summary>
public sealed class RewriteUnderLoadTests(ITestOutputHelper log) : IAsyncLifetime
{
    /// <summary>Warm-up and then 300 rewrites over which memory must stay flat; HOMELABGATE_REWRITES sets a longer run.</summary>
    private static readonly int Rewrites = int.TryParse(Environment.GetEnvironmentVariable("HOMELABGATE_REWRITES"), out var n) ? n : 600;

    private const int Clients = 2;

    /// <summary>Rewrites after which memory counts as warmed up (JIT, tiering, configurations, connection pools). Measured
    /// over 600: alone, the resident set rose for ~120 rewrites and then stayed within 4 %; beside the rest of the suite
    /// (or two busy loops) it rose for ~300 (134 -> 159 MiB) and then stayed within 2 %.</summary>
    private const int WarmUp = 300;

    /// <summary>Rewrites averaged at each end of the comparison, so one collection's timing does not decide it.</summary>
    private const int Window = 25;

    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private Upstreams _upstreams = null!;
    private GateProcess _gate = null!;

    public async Task InitializeAsync()
    {
        _upstreams = await Upstreams.StartAsync(["alpha"]);
        _workspace.WriteManifest(Good(0));
        // A resync far beyond the run: every outcome the test waits for comes from its own write.
        _gate = await GateProcess.StartAsync(_workspace, "--resync-seconds", "3600");
    }

    [Fact]
    public async Task Hostile_and_good_rewrites_under_load_kill_nothing_fail_no_request_and_keep_memory_flat()
    {
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Clients).Select(_ => LoadAsync(stop.Token)).ToArray();
        var hostile = Hostile.All(_workspace);
        var resident = new List<long>();
        var lastAt = LastAt(await _gate.StatusAsync());
        for (var i = 1; i <= Rewrites; i++)
        {
            var how = i % 2 == 0 ? ManifestWrite.AtomicRename : ManifestWrite.InPlace;
            if (i % 3 == 0)
            {
                var (name, bytes) = hostile[i / 3 % hostile.Count];
                Write(bytes, how);
                var rejected = await Poll.UntilAsync(_gate.StatusAsync, s => LastAt(s) != lastAt && DaemonStatus.LastResult(s) == "invalid",
                    $"rewrite {i} ({name}, {how}) is rejected", context: () => _gate.Output);
                lastAt = LastAt(rejected);
            }
            else
            {
                var text = _workspace.WriteManifest(Good(i), how);
                await _gate.WaitUntilServingAsync(text);
                Assert.Equal($"generation {i}", (await _gate.GetAsync("gen.test")).Body);
                lastAt = LastAt(await _gate.StatusAsync());
            }
            Assert.False(_gate.HasExited, $"the daemon died at rewrite {i}:\n{_gate.Output}");
            resident.Add(ResidentBytes(_gate.Pid) / 1048576);
        }
        await stop.CancelAsync();
        var counts = await Task.WhenAll(load);
        var ok = counts.Sum(c => c.Ok);
        var failures = counts.SelectMany(c => c.Failures).ToList();
        var warm = resident.Take(WarmUp).TakeLast(Window).Average();
        var end = resident.TakeLast(Window).Average();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rewrites} rewrites ({Rewrites / 3} hostile), {ok} requests ok, {failures.Count} failed; RSS around rewrite {WarmUp}: {warm:0} MiB, at the end: {end:0} MiB; every 30th: {string.Join(' ', resident.Where((_, k) => k % 30 == 29))} MiB"));

        Assert.True(failures.Count == 0, $"{failures.Count} of {ok + failures.Count} requests failed, first: {failures.FirstOrDefault()}");
        Assert.True(ok > Rewrites, $"only {ok} requests ran beside {Rewrites} rewrites");
        Assert.False(_gate.HasExited);
        if (Rewrites >= 2 * WarmUp)
        {
            // Flat means within 10 % of the warmed-up size; the leak this guards against doubled it over 178 rewrites.
            Assert.True(end <= warm * 1.10, string.Create(CultureInfo.InvariantCulture, $"resident memory grew from {warm:0} MiB to {end:0} MiB"));
        }
    }

    /// <summary>The good manifest: alpha.test proxies (the load), gen.test answers which rewrite it came from.</summary>
    private string Good(int generation) => Manifests.Header + $"""
        hosts:
          alpha:
            domains: [alpha.test]
            to: {_upstreams["alpha"].Address}
          gen:
            domains: [gen.test]
            respond:
              body: "generation {generation}"

        """;

    private void Write(byte[] bytes, ManifestWrite how)
    {
        if (how == ManifestWrite.InPlace)
        {
            File.WriteAllBytes(_workspace.ManifestPath, bytes);
            return;
        }
        var temp = _workspace.ManifestPath + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, _workspace.ManifestPath, overwrite: true);
    }

    private static string? LastAt(System.Text.Json.Nodes.JsonObject status) => (string?)status["last"]?["at"];

    private async Task<(int Ok, List<string> Failures)> LoadAsync(CancellationToken stop)
    {
        var ok = 0;
        var failures = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await _gate.GetAsync("alpha.test");
                if (result.Status == 200 && result.Header("X-Upstream") == "alpha")
                {
                    ok++;
                }
                else
                {
                    failures.Add(result.ToString());
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
        }
        return (ok, failures);
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async Task DisposeAsync()
    {
        if (_gate is not null)
        {
            await _gate.DisposeAsync();
        }
        if (_upstreams is not null)
        {
            await _upstreams.DisposeAsync();
        }
        _workspace.Dispose();
    }

    /// <summary>Manifests no daemon may die of, each sure to be refused: the classes that crashed or bloated it before
    /// (recursion, depth, expansion, size, encodings, half-written files, overflowing numbers).</summary>
    private static class Hostile
    {
        public static List<(string Name, byte[] Bytes)> All(GateWorkspace workspace)
        {
            var header = workspace.Render(Manifests.Header);
            string[] laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]", .. Enumerable.Range(1, 9).Select(k => $"{(char)('a' + k)}: &{(char)('a' + k)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + k - 1)}", 10))}]")];
            return
            [
                ("a self-referencing alias", Utf8(header + "hosts: &a [*a]\n")),
                ("100,000-deep nesting", Utf8(header + "hosts: " + new string('[', 100_000) + "\n")),
                ("a billion laughs", Utf8(header + string.Join('\n', laughs) + "\nhosts: *j\n")),
                ("a 2 MiB manifest of 60,000 hosts", Utf8(header + "hosts:\n" + string.Concat(Enumerable.Range(0, 60_000).Select(k => $"  h{k}: {{ domains: [h{k}.test] }}\n")))),
                ("invalid UTF-8", [.. Utf8(header + "hosts:\n  x:\n    domains: [\""), 0xC3, 0x28, 0xFF, .. Utf8("\"]\n")]),
                ("UTF-16 with a BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(header)).ToArray()),
                ("a half-written file", Utf8(header + "hosts:\n  alpha:\n    domains: [alpha.te")),
                ("an overflowing duration", Utf8(header + "hosts:\n  x:\n    domains: [x.test]\n    to: http://127.0.0.1:9\n    timeout: 99999999999999999999d\n")),
                ("NUL bytes", [.. Utf8(header), 0, 0, 0, 0]),
                ("an empty file", []),
                ("an undefined upstream", Utf8(header + "hosts:\n  x:\n    domains: [x.test]\n    upstream: nowhere\n")),
                ("a lone CR line ending in a tab-indented key", Utf8(header.Replace("\n", "\r", StringComparison.Ordinal) + "hosts:\r\t x: 1\r")),
            ];
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
