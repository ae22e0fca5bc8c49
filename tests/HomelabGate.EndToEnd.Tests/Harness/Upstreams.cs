namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Several named <see cref="UpstreamServer"/>s started together and stopped together.</summary>
public sealed class Upstreams : IAsyncDisposable
{
    private readonly Dictionary<string, UpstreamServer> _servers;

    private Upstreams(IEnumerable<UpstreamServer> servers) => _servers = servers.ToDictionary(s => s.Name);

    public UpstreamServer this[string name] => _servers[name];

    public static async Task<Upstreams> StartAsync(params string[] names) =>
        new(await Task.WhenAll(names.Select(UpstreamServer.StartAsync)));

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
