using HomelabGate.Dns.Rfc2136;
using HomelabGate.Testing.AcmeDns;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>The shared kit's real BIND 9 (pebble not started), with what the DNS tests need on top: client options
/// signed with the zone's TSIG key through a secret reference, and unique names so tests sharing the server never see
/// each other's records.</summary>
public sealed class BindFixture : IAsyncLifetime
{
    private readonly HomelabGate.Testing.AcmeDns.BindFixture _bind = new();

    public AcmeDnsEnvironment Environment => _bind.Environment;

    public int Port => Environment.DnsPort;

    public string Zone => Environment.Zone;

    public string KeyName => Environment.TsigKeyName;

    public string Secret => Environment.TsigSecret;

    public string KeyFile => Environment.TsigKeyFile;

    public int NamedPid => Environment.NamedPid;

    public const string SecretVariable = "TEST_TSIG_SECRET";

    public TestSecrets Secrets => new(new Dictionary<string, string> { [SecretVariable] = Secret });

    public Rfc2136ServerOptions Options(string? secretVariable = null, string algorithm = "hmac-sha256", TimeSpan? timeout = null) =>
        Rfc2136ServerOptions.Create("127.0.0.1", Port, Zone,
            new TsigKey(KeyName, algorithm, TestSecrets.Ref(secretVariable ?? SecretVariable)), timeout);

    public Rfc2136Client Client() => new(Options(), Secrets, TimeProvider.System);

    /// <summary>A fresh name under the zone, so tests sharing this server never see each other's records.</summary>
    public string UniqueName(string label) => $"{label}-{Guid.NewGuid().ToString("N")[..8]}.{Zone}.";

    public Task InitializeAsync() => _bind.InitializeAsync();

    public Task DisposeAsync() => _bind.DisposeAsync();

    public Task<IReadOnlyList<string>> DigAsync(string name, string type, bool tcp = false) => Environment.DigAsync(name, type, tcp);

    /// <summary>Runs the real <c>nsupdate</c> with the given update lines (server and zone are added).</summary>
    public Task NsUpdateAsync(params string[] lines) => Environment.NsupdateAsync(lines);
}
