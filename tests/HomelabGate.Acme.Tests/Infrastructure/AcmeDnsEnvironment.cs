using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Http;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>A real BIND 9 + pebble pair started by tests/fixtures/acme-dns/up.sh on free ports and a unique state dir;
/// disposing runs down.sh --purge, which stops exactly the pids up.sh recorded.</summary>
public sealed class AcmeDnsEnvironment : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _stateDir;

    private AcmeDnsEnvironment(IReadOnlyDictionary<string, string> values, string stateDir)
    {
        _values = values;
        _stateDir = stateDir;
    }

    public Uri DirectoryUrl => new(_values["ACME_DIRECTORY_URL"]);
    public Uri ManagementUrl => new(_values["ACME_MANAGEMENT_URL"]);
    public string PebbleRootCa => _values["PEBBLE_ROOT_CA"];
    public string IssuerRoot => _values["PEBBLE_ISSUER_ROOT"];
    public int DnsPort => int.Parse(_values["DNS_SERVER_PORT"]);
    public string Zone => _values["DNS_ZONE"];
    public string TsigKeyName => _values["TSIG_KEY_NAME"];
    public string TsigSecret => _values["TSIG_SECRET"];
    public int NamedPid => int.Parse(_values["NAMED_PID"]);
    public string StateDir => _stateDir;

    public static async Task<AcmeDnsEnvironment> StartAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var script = Path.Combine(FixtureScripts.Directory, "up.sh");
        var failures = new List<string>();
        // Another test project may grab a port between our probe and up.sh's bind; a fresh set of ports fixes that.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ports = FreePorts.Take(3);
            var state = Path.Combine(Path.GetTempPath(), $"hg-acme-test-{Guid.NewGuid():N}");
            var environment = new Dictionary<string, string>(extraEnvironment ?? new Dictionary<string, string>())
            {
                ["ACME_INFRA_STATE"] = state,
                ["DNS_PORT"] = ports[0].ToString(),
                ["ACME_PORT"] = ports[1].ToString(),
                ["MGMT_PORT"] = ports[2].ToString(),
            };
            var result = await ProcessRunner.RunAsync("bash", [script], environment: environment, timeout: TimeSpan.FromSeconds(60));
            if (result.ExitCode == 0)
            {
                var values = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('=', 2))
                    .Where(pair => pair.Length == 2)
                    .ToDictionary(pair => pair[0], pair => pair[1]);
                return new AcmeDnsEnvironment(values, state);
            }
            failures.Add($"attempt {attempt + 1}: exit {result.ExitCode}: {result.StandardError}");
            await ProcessRunner.RunAsync("bash", [Path.Combine(FixtureScripts.Directory, "down.sh"), "--purge"], environment: environment);
        }
        throw new InvalidOperationException("up.sh failed:\n" + string.Join("\n", failures));
    }

    public HttpClient CreateHttpClient(bool trustPebble = true, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        X509Certificate2Collection? roots = null;
        if (trustPebble)
        {
            roots = AcmeHttpHandler.LoadPemBundle(PebbleRootCa);
        }
        HttpMessageHandler handler = AcmeHttpHandler.Create(roots);
        return new HttpClient(wrap?.Invoke(handler) ?? handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public NsupdateSolver CreateSolver(string? tsigSecret = null) => new(DnsPort, Zone, TsigKeyName, tsigSecret ?? TsigSecret);

    public DigPropagationCheck CreatePropagationCheck() => new(DnsPort);

    /// <summary>Every TXT record in the zone, read by a TSIG-signed zone transfer: the ground truth for "nothing left behind".</summary>
    public async Task<IReadOnlyList<string>> ListTxtRecordsAsync()
    {
        var result = await ProcessRunner.RunAsync("dig",
            ["@127.0.0.1", "-p", DnsPort.ToString(), "-y", $"hmac-sha256:{TsigKeyName}:{TsigSecret}", Zone, "AXFR", "+noall", "+answer"]);
        if (result.ExitCode != 0 || result.StandardOutput.Contains("Transfer failed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("zone transfer failed: " + result.Combined);
        }
        return result.StandardOutput.Split('\n').Where(l => l.Contains("\tTXT\t", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Stops the named that up.sh started (by its recorded pid) to simulate a DNS outage.</summary>
    public void StopDnsServer()
    {
        using var named = Process.GetProcessById(NamedPid);
        named.Kill();
        named.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("bash", [Path.Combine(FixtureScripts.Directory, "down.sh"), "--purge"],
            environment: new Dictionary<string, string> { ["ACME_INFRA_STATE"] = _stateDir });
    }
}
