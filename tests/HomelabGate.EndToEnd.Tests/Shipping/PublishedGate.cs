using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>`dotnet publish src/HomelabGate -c Release -o TMP` — the Dockerfile's build step, run once for all the
/// shipping tests (a collection fixture: one publish per test run, removed afterwards), so they test the very files the
/// image would contain rather than the test project's build output.</summary>
[SupportedOSPlatform("linux")]
public sealed class PublishedGate : IDisposable
{
    private readonly TempDirectory _root = new("hg-ship-publish-");

    public PublishedGate()
    {
        RepositoryRoot = FindRepositoryRoot();
        PublishDirectory = _root.Combine("app");
        var result = ProcessRun.Run("dotnet",
            ["publish", Path.Combine(RepositoryRoot, "src", "HomelabGate"), "-c", "Release", "-o", PublishDirectory,
             "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(10), environment: CleanBuildEnvironment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
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
    public ProcessResult Run(params string[] arguments) => ProcessRun.Run(Gate, arguments, TimeSpan.FromSeconds(60));

    public void Dispose() => _root.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HomelabGate.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no HomelabGate.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>`dotnet test` leaves MSBuild variables in the test host's environment that would point a nested build at
    /// the outer one's SDK internals.</summary>
    private static void CleanBuildEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(key);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ShippingCollection : ICollectionFixture<PublishedGate>
{
    public const string Name = "Shipping";
}
