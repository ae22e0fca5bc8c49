using HomelabGate.Composition;
using Microsoft.Extensions.DependencyInjection;
using HomelabGate.Cli.Import;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation;
using HomelabGate.Import.Npm;
using HomelabGate.Import.Output;
using HomelabGate.Rendering;

namespace HomelabGate.Import.Tests.Support;

/// <summary>A temp folder with a writable copy of the NPM fixture in npm/ and room for the import's output in out/.
/// bcrypt runs at its lowest cost here, to keep the tests fast; the hashes are real bcrypt all the same.</summary>
public sealed class ImportWorkspace : IDisposable
{
    public ImportWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "hg-import", Guid.NewGuid().ToString("N")[..12]);
        Npm = NpmFixtureCopy.Create(Path.Combine(Root, "npm"));
    }

    public string Root { get; }

    public NpmFixtureCopy Npm { get; }

    public string OutDirectory => Path.Combine(Root, "out");

    public NpmImportOptions Options => new()
    {
        DataDirectory = Npm.DataDirectory,
        ManifestPath = Path.Combine(OutDirectory, "homelab.yaml"),
        SecretsDirectory = Path.Combine(OutDirectory, "secrets"),
        HttpListen = "0.0.0.0:8080",
        HttpsListen = "0.0.0.0:8443",
        BcryptCost = 4,
        BusyTimeout = TimeSpan.FromMilliseconds(300),
    };

    public ImportResult Import(NpmImportOptions? options = null) => new NpmImporter(TimeProvider.System).Import(options ?? Options);

    /// <summary>The real <c>gate import npm</c> command, its output and exit code.</summary>
    public async Task<(int Exit, string Output, string Error)> RunAsync(NpmImportOptions? options = null, bool dryRun = false, bool force = false)
    {
        await using var services = CliServices.Build();
        var command = services.GetRequiredService<NpmImportCommand>();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.ExecuteAsync(options ?? Options, dryRun, force, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every file under out/, relative.</summary>
    public IReadOnlyList<string> Written() => Directory.Exists(OutDirectory)
        ? Directory.EnumerateFiles(OutDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(OutDirectory, f)).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Text with this workspace's temp path replaced by /WORK, for golden files.</summary>
    public string Normalize(string text) => text.Replace(Root, "/WORK", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
