using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>`dotnet publish src/HomelabGate -c Release -o TMP` — the Dockerfile's build step, run once for all the
/// shipping tests (a collection fixture: one publish per test run, removed afterwards), so they test the very files the
/// image would contain rather than the test project's build output.</summary>
[SupportedOSPlatform("linux")]
public sealed class PublishedGate : IAsyncLifetime
{
    private readonly TempDirectory _root = new("hg-ship-publish-");

    public PublishedGate()
    {
        RepositoryRoot = RepoRoot.Path;
        PublishDirectory = _root.Combine("app");
    }

    public async Task InitializeAsync()
    {
        var result = await ProcessRunner.RunAsync("dotnet",
            ["publish", Path.Combine(RepositoryRoot, "src", "HomelabGate"), "-c", "Release", "-o", PublishDirectory,
             "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {result}");
        }
        // The publish folder is read (never written) by the non-root user, like /app in the image.
        Permissions.MakeTraversable(_root.Path);
        Permissions.MakeTraversable(PublishDirectory);
    }

    public string RepositoryRoot { get; }

    public string PublishDirectory { get; }

    /// <summary>The apphost: what the image's ENTRYPOINT starts.</summary>
    public string Gate => Path.Combine(PublishDirectory, "gate");

    public string RepositoryFile(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    /// <summary>`gate ARGS` as the current user, to completion.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) => ProcessRunner.RunAsync(Gate, arguments, timeout: TimeSpan.FromSeconds(60));

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ShippingCollection : ICollectionFixture<PublishedGate>
{
    public const string Name = "Shipping";
}
