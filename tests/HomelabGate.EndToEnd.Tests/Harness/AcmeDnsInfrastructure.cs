using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>A real BIND 9 (and, unless <c>startPebble</c> is false, a real pebble) started by
/// tests/fixtures/acme-dns/up.sh on free loopback ports and a unique state dir; disposing runs <c>down.sh --purge</c>, which
/// stops exactly the pids up.sh recorded. The same approach as HomelabGate.Acme.Tests' AcmeDnsEnvironment.</summary>
public sealed class AcmeDnsInfrastructure : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private readonly IReadOnlyDictionary<string, string> _values;

    private AcmeDnsInfrastructure(IReadOnlyDictionary<string, string> values, string stateDir)
    {
        _values = values;
        StateDir = stateDir;
    }

    public string StateDir { get; }

    public string DirectoryUrl => _values["ACME_DIRECTORY_URL"];

    /// <summary>The root that signed pebble's own HTTPS listener (the ACME directory), not the issued certificates.</summary>
    public string PebbleRootCa => _values["PEBBLE_ROOT_CA"];

    /// <summary>The root of the certificates pebble issues.</summary>
    public string IssuerRoot => _values["PEBBLE_ISSUER_ROOT"];

    public int DnsPort => int.Parse(_values["DNS_SERVER_PORT"], CultureInfo.InvariantCulture);

    /// <summary>127.0.0.1:PORT, as a manifest's <c>server:</c>.</summary>
    public string DnsServer => _values["DNS_SERVER"];

    public string Zone => _values["DNS_ZONE"];

    public string TsigKeyName => _values["TSIG_KEY_NAME"];

    public string TsigSecret => _values["TSIG_SECRET"];

    public static async Task<AcmeDnsInfrastructure> StartAsync(bool startPebble)
    {
        var script = Path.Combine(Scripts, "up.sh");
        var failures = new List<string>();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = TcpAndUdpFreePorts(3);
            var state = Path.Combine(Path.GetTempPath(), "hg-e2e-acme-dns", Guid.NewGuid().ToString("N")[..12]);
            var result = await ProcessRunner.RunAsync("env",
            [
                $"ACME_INFRA_STATE={state}", $"DNS_PORT={ports[0]}", $"ACME_PORT={ports[1]}", $"MGMT_PORT={ports[2]}",
                $"START_PEBBLE={(startPebble ? 1 : 0)}", "bash", script,
            ], TimeSpan.FromSeconds(90));
            if (result.ExitCode == 0)
            {
                var values = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('=', 2))
                    .Where(pair => pair.Length == 2)
                    .ToDictionary(pair => pair[0], pair => pair[1]);
                return new AcmeDnsInfrastructure(values, state);
            }
            failures.Add($"attempt {attempt}: {result}");
            await StopAsync(state);
        }
        throw new InvalidOperationException("tests/fixtures/acme-dns/up.sh failed:\n" + string.Join("\n", failures));
    }

    /// <summary>Runs the real <c>nsupdate</c>, signed with the zone's TSIG key, with <paramref name="updates"/> (lines like
    /// <c>update add name. 60 IN A 10.0.0.1</c>).</summary>
    public async Task NsupdateAsync(params string[] updates)
    {
        var script = Path.Combine(StateDir, $"nsupdate-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(script, [$"server 127.0.0.1 {DnsPort}", $"zone {Zone}", .. updates, "send"]);
        var result = await ProcessRunner.RunAsync("nsupdate", ["-y", $"hmac-sha256:{TsigKeyName}:{TsigSecret}", script], TimeSpan.FromSeconds(20));
        Assert.True(result.ExitCode == 0, $"nsupdate {string.Join("; ", updates)}: {result}");
    }

    /// <summary>What the real <c>dig +short</c> answers for <paramref name="name"/>, one value a line, sorted.</summary>
    public Task<string> DigAsync(string name, string type = "A") => Dig.ShortAsync(DnsPort, name, type);

    public ValueTask DisposeAsync() => new(StopAsync(StateDir));

    private static async Task StopAsync(string state)
    {
        await ProcessRunner.RunAsync("env", [$"ACME_INFRA_STATE={state}", "bash", Path.Combine(Scripts, "down.sh"), "--purge"], TimeSpan.FromSeconds(60));
    }

    private static string Scripts { get; } = FindScripts();

    private static string FindScripts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "acme-dns");
            if (File.Exists(Path.Combine(candidate, "up.sh")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/fixtures/acme-dns/up.sh not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Ports free for TCP and UDP alike (BIND listens on both), held open together so none repeats.</summary>
    private static int[] TcpAndUdpFreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                try
                {
                    using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                    ports.Add(port);
                }
                catch (SocketException)
                {
                    // UDP side taken; try another.
                }
            }
            return [.. ports];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
