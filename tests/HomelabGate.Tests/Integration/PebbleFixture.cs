using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HomelabGate.Tests.Integration;

/// <summary>A real pebble 2.4.0 (and the BIND it validates against) started by tests/fixtures/acme-dns/up.sh on free loopback
/// ports and a unique state dir, as HomelabGate.EndToEnd.Tests' AcmeDnsInfrastructure does; disposing runs
/// <c>down.sh --purge</c>, which stops exactly the pids up.sh recorded.</summary>
public sealed class PebbleFixture : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "hg-tests-pebble", Guid.NewGuid().ToString("N")[..12]);
    private Dictionary<string, string> _values = [];

    public string DirectoryUrl => _values["ACME_DIRECTORY_URL"];

    /// <summary>The root that signed pebble's HTTPS listener.</summary>
    public string PebbleRootCa => _values["PEBBLE_ROOT_CA"];

    public async Task InitializeAsync()
    {
        var ports = FreePorts(3);
        var (code, output) = await RunAsync("env",
            [$"ACME_INFRA_STATE={_state}", $"DNS_PORT={ports[0]}", $"ACME_PORT={ports[1]}", $"MGMT_PORT={ports[2]}", "START_PEBBLE=1", "bash", Script("up.sh")]);
        Assert.True(code == 0, "tests/fixtures/acme-dns/up.sh failed:\n" + output);
        _values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
    }

    public async Task DisposeAsync() => await RunAsync("env", [$"ACME_INFRA_STATE={_state}", "bash", Script("down.sh"), "--purge"]);

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Script(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "acme-dns", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"tests/fixtures/acme-dns/{name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Ports free for TCP and UDP alike (BIND listens on both), held open together so none repeats.</summary>
    private static int[] FreePorts(int count)
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
