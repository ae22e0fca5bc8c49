namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>One daemon (and its upstream servers) shared by the tests of a class. Tests that change the configuration
/// start from <see cref="ServeAsync"/> with the manifest they need, so no test depends on another's leftovers.</summary>
public abstract class GateFixture(params string[] upstreamNames) : IAsyncLifetime
{
    public GateWorkspace Workspace { get; } = GateWorkspace.Create();

    public Upstreams Upstreams { get; private set; } = null!;

    public GateProcess Gate { get; private set; } = null!;

    /// <summary>The manifest template the daemon starts with.</summary>
    protected abstract string InitialManifest();

    /// <summary>A manifest served right after start (null: none). It may move <c>settings.admin</c> — a listener change
    /// waits for a restart — so its targets are validated against an admin address the running daemon does not use:
    /// how tests reach runtime guards that validation would otherwise stop first.</summary>
    protected virtual string? ManifestAfterStart() => null;

    public async Task InitializeAsync()
    {
        try
        {
            Upstreams = await Upstreams.StartAsync(upstreamNames);
            Workspace.WriteManifest(InitialManifest());
            Gate = await GateProcess.StartAsync(Workspace);
            if (ManifestAfterStart() is { } next)
            {
                await ServeAsync(next);
            }
        }
        catch
        {
            // xunit does not dispose a fixture whose initialization failed; leave no server or directory behind.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the manifest and waits until the daemon serves exactly it. The manifest must be byte-identical to
    /// the one served or differ from it in what it asks for (a reload that changes nothing keeps the old hash).</summary>
    public async Task<string> ServeAsync(string template)
    {
        var text = Workspace.WriteManifest(template);
        await Gate.WaitUntilServingAsync(text);
        return text;
    }

    public async Task DisposeAsync()
    {
        if (Gate is not null)
        {
            await Gate.DisposeAsync();
        }
        if (Upstreams is not null)
        {
            await Upstreams.DisposeAsync();
        }
        Workspace.Dispose();
    }
}
