using System.Diagnostics;
using System.Globalization;

namespace HomelabGate.Testing.AcmeDns;

/// <summary>A real BIND 9 (zone home.test, TSIG-signed updates) and, unless asked not to, a real pebble validating against
/// it — started by tests/fixtures/acme-dns/up.sh on free loopback ports and a unique state dir. Disposing runs
/// <c>down.sh --purge</c>, which stops exactly the pids up.sh recorded. The one wrapper every test project uses.</summary>
public sealed class AcmeDnsEnvironment : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private readonly IReadOnlyDictionary<string, string> _values;

    private AcmeDnsEnvironment(IReadOnlyDictionary<string, string> values, string stateDir)
    {
        _values = values;
        StateDir = stateDir;
    }

    public string StateDir { get; }

    public string DirectoryUrl => _values["ACME_DIRECTORY_URL"];

    public string ManagementUrl => _values["ACME_MANAGEMENT_URL"];

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

    public string TsigKeyFile => _values["TSIG_KEY_FILE"];

    public int NamedPid => int.Parse(_values["NAMED_PID"], CultureInfo.InvariantCulture);

    public static string Scripts => RepoRoot.Combine("tests", "fixtures", "acme-dns");

    /// <param name="environment">Extra variables for up.sh (e.g. pebble's PEBBLE_WFE_NONCEREJECT).</param>
    public static async Task<AcmeDnsEnvironment> StartAsync(bool startPebble = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var failures = new List<string>();
        // Another test project may grab a port between our probe and up.sh's bind; a fresh set of ports fixes that.
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = FreePorts.Take(3);
            var state = Path.Combine(Path.GetTempPath(), "hg-acme-dns", Guid.NewGuid().ToString("N")[..12]);
            var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["ACME_INFRA_STATE"] = state,
                ["DNS_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture),
                ["ACME_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
                ["MGMT_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture),
                ["START_PEBBLE"] = startPebble ? "1" : "0",
            };
            var result = await ProcessRunner.RunAsync("bash", [Path.Combine(Scripts, "up.sh")], environment: variables, timeout: TimeSpan.FromSeconds(90));
            if (result.ExitCode == 0)
            {
                var values = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('=', 2))
                    .Where(pair => pair.Length == 2)
                    .ToDictionary(pair => pair[0], pair => pair[1]);
                return new AcmeDnsEnvironment(values, state);
            }
            failures.Add($"attempt {attempt}: {result}");
            await StopAsync(state);
        }
        throw new InvalidOperationException("tests/fixtures/acme-dns/up.sh failed:\n" + string.Join("\n", failures));
    }

    /// <summary>Runs the real <c>nsupdate</c>, signed with the zone's TSIG key, with <paramref name="updates"/> (lines like
    /// <c>update add name. 60 IN A 10.0.0.1</c>); server and zone are added.</summary>
    public async Task NsupdateAsync(params string[] updates)
    {
        var script = $"server 127.0.0.1 {DnsPort}\nzone {Zone}\n{string.Join("\n", updates)}\nsend\n";
        var result = await ProcessRunner.RunAsync("nsupdate", ["-y", $"hmac-sha256:{TsigKeyName}:{TsigSecret}"], standardInput: script, timeout: TimeSpan.FromSeconds(20));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nsupdate {string.Join("; ", updates)}: {result}");
        }
    }

    /// <summary>What the real <c>dig +short</c> answers for <paramref name="name"/>: the answer lines, sorted.</summary>
    public Task<IReadOnlyList<string>> DigAsync(string name, string type = "A", bool tcp = false) => Dig.ShortAsync(DnsPort, name, type, tcp);

    /// <summary>Every TXT record in the zone, read by a TSIG-signed zone transfer: the ground truth for "nothing left behind".</summary>
    public async Task<IReadOnlyList<string>> ListTxtRecordsAsync()
    {
        var result = await ProcessRunner.RunAsync("dig",
            ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "-y", $"hmac-sha256:{TsigKeyName}:{TsigSecret}", Zone, "AXFR", "+noall", "+answer"]);
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

    public ValueTask DisposeAsync() => new(StopAsync(StateDir));

    private static Task StopAsync(string state) =>
        ProcessRunner.RunAsync("bash", [Path.Combine(Scripts, "down.sh"), "--purge"],
            environment: new Dictionary<string, string> { ["ACME_INFRA_STATE"] = state });
}
