using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Wires a real client and runner against a test environment, collecting the runner's log lines.</summary>
public sealed class AcmeTestClient : IDisposable
{
    private readonly HttpClient _http;

    public AcmeTestClient(AcmeDnsEnvironment environment, AccountKey? key = null, AcmeOrderOptions? options = null, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        _http = environment.CreateHttpClient(wrap: wrap);
        Key = key ?? AccountKey.Create();
        Client = new AcmeClient(_http, new AcmeClientOptions { DirectoryUrl = environment.DirectoryUri() }, Key);
        Runner = new AcmeOrderRunner(Client, options ?? new AcmeOrderOptions { PropagationTimeout = TimeSpan.FromSeconds(20) },
            TimeProvider.System, line => { lock (Log) { Log.Add(line); } });
    }

    public AccountKey Key { get; }

    public AcmeClient Client { get; }

    public AcmeOrderRunner Runner { get; }

    public List<string> Log { get; } = [];

    /// <summary>Pebble reuses valid authorizations per account and name; a fresh label keeps tests independent.</summary>
    public static string UniqueLabel(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public void Dispose()
    {
        _http.Dispose();
        Key.Dispose();
    }
}
