using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>One daemon for a test class, started after the servers its manifest points at.</summary>
public abstract class FeatureDaemon : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _servers = [];

    public GateWorkspace Workspace { get; } = GateWorkspace.Create();

    public GateProcess Gate { get; private set; } = null!;

    protected abstract Task<string> StartServersAsync();

    /// <summary>A manifest served right after start (null: none); see <see cref="GateFixture"/>'s.</summary>
    protected virtual string? ManifestAfterStart() => null;

    protected T Own<T>(T server) where T : IAsyncDisposable
    {
        _servers.Add(server);
        return server;
    }

    public async Task InitializeAsync()
    {
        try
        {
            Workspace.WriteManifest(await StartServersAsync());
            Gate = await GateProcess.StartAsync(Workspace);
            if (ManifestAfterStart() is { } next)
            {
                await Gate.WaitUntilServingAsync(Workspace.WriteManifest(next));
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Gate is not null)
        {
            await Gate.DisposeAsync();
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        Workspace.Dispose();
    }
}
