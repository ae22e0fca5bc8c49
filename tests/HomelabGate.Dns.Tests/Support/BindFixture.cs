using System.Globalization;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>A real BIND 9 from tests/fixtures/acme-dns/up.sh (pebble skipped), on free ports and in its own
/// temp state dir, so fixtures of other test projects can run at the same time. down.sh stops it by pid.</summary>
public sealed class BindFixture : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"hg-dns-bind-{Guid.NewGuid():N}");
    private IReadOnlyDictionary<string, string> _env = new Dictionary<string, string>();

    public int Port => int.Parse(_env["DNS_SERVER_PORT"], CultureInfo.InvariantCulture);

    public string Zone => _env["DNS_ZONE"];

    public string KeyName => _env["TSIG_KEY_NAME"];

    public string Secret => _env["TSIG_SECRET"];

    public string KeyFile => _env["TSIG_KEY_FILE"];

    public int NamedPid => int.Parse(_env["NAMED_PID"], CultureInfo.InvariantCulture);

    public const string SecretVariable = "TEST_TSIG_SECRET";

    public TestSecrets Secrets => new(new Dictionary<string, string> { [SecretVariable] = Secret });

    public Rfc2136ServerOptions Options(string? secretVariable = null, string algorithm = "hmac-sha256", TimeSpan? timeout = null) =>
        Rfc2136ServerOptions.Create("127.0.0.1", Port, Zone,
            new TsigKey(KeyName, algorithm, TestSecrets.Ref(secretVariable ?? SecretVariable)), timeout);

    public Rfc2136Client Client() => new(Options(), Secrets, TimeProvider.System);

    /// <summary>A fresh name under the zone, so tests sharing this server never see each other's records.</summary>
    public string UniqueName(string label) => $"{label}-{Guid.NewGuid().ToString("N")[..8]}.{Zone}.";

    public async Task InitializeAsync()
    {
        var env = new Dictionary<string, string>
        {
            ["ACME_INFRA_STATE"] = _state,
            ["START_PEBBLE"] = "0",
            ["DNS_PORT"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["ACME_PORT"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["MGMT_PORT"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        };
        var result = await ProcessRunner.RunAsync("bash", [Script("up.sh")], environment: env);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"up.sh failed ({result.ExitCode}): {result.StdErr}");
        }
        _env = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    public async Task DisposeAsync()
    {
        await ProcessRunner.RunAsync("bash", [Script("down.sh"), "--purge"],
            environment: new Dictionary<string, string> { ["ACME_INFRA_STATE"] = _state });
    }

    /// <summary>Runs the real <c>dig @127.0.0.1 -p PORT name TYPE +short</c>; returns the answer lines, sorted.</summary>
    public async Task<IReadOnlyList<string>> DigAsync(string name, string type, bool tcp = false)
    {
        string[] args = ["@127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), name, type, "+short", "+time=2", "+tries=1"];
        var result = await ProcessRunner.RunAsync("dig", tcp ? [.. args, "+tcp"] : args);
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs the real <c>nsupdate -k KEYFILE</c> with the given update lines (server and zone are added).</summary>
    public async Task NsUpdateAsync(params string[] lines)
    {
        var script = $"server 127.0.0.1 {Port}\nzone {Zone}\n{string.Join("\n", lines)}\nsend\n";
        var result = await ProcessRunner.RunAsync("nsupdate", ["-k", KeyFile], stdin: script);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nsupdate failed: {result.StdErr}");
        }
    }

    private static string Script(string name) =>
        Path.Combine(FindRepositoryRoot(), "tests", "fixtures", "acme-dns", name);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "fixtures", "acme-dns")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("tests/fixtures/acme-dns not found above the test output");
    }
}
