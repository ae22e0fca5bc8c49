using System.CommandLine;
using System.Text;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Manifest;
using HomelabGate.Import.Npm;
using HomelabGate.Import.Output;
using HomelabGate.Import.Reporting;
using HomelabGate.Rendering;

namespace HomelabGate.Cli.Import;

/// <summary><c>gate import npm</c>: one Nginx Proxy Manager installation → a manifest, its secret files and the existing
/// ACME certificates, all checked by the real manifest loader before anything is written, then written all at once.
/// Exit 0 imported cleanly, 2 imported with items needing attention, 1 failed (nothing written).</summary>
public sealed class NpmImportCommand(NpmImporter importer, ManifestLoader loader, CertificateSeeder seeder, DiagnosticRenderer diagnostics)
{
    public const int NeedsAttention = 2;

    private readonly NpmImportCommandOptions _options = new();

    public Command Build()
    {
        var command = new Command("npm", "Import an Nginx Proxy Manager installation: hosts, redirects, 404 hosts, streams, access lists, certificates");
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((result, cancellationToken) => ExecuteAsync(_options.Resolve(result), result.GetValue(_options.DryRun), result.GetValue(_options.Force),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    public async Task<int> ExecuteAsync(NpmImportOptions options, bool dryRun, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!dryRun && !force && File.Exists(options.ManifestPath))
        {
            error.WriteLine($"error: '{options.ManifestPath}' exists\n  = hint: choose another file with -o, or pass --force to replace it");
            return ExitCodes.Error;
        }
        ImportResult result;
        try
        {
            result = importer.Import(options);
        }
        catch (NpmImportException e)
        {
            error.WriteLine($"error: {e.Message}\n  = hint: {e.Hint}");
            return ExitCodes.Error;
        }
        var check = loader.Load(Encoding.UTF8.GetBytes(result.Manifest), Path.GetFileName(options.ManifestPath));
        if (!check.Succeeded)
        {
            error.WriteLine("error: the imported manifest does not validate; nothing was written:");
            diagnostics.Render(check.Diagnostics, check.Source, error);
            return ExitCodes.Error;
        }
        if (dryRun)
        {
            output.Write(result.Manifest);
            output.WriteLine();
        }
        new ReportRenderer().Render(result.Report, output);
        if (!dryRun && !await WriteAsync(result, options, force, output, error, cancellationToken))
        {
            return ExitCodes.Error;
        }
        return result.Report.NeedsAttention ? NeedsAttention : ExitCodes.Success;
    }

    private async Task<bool> WriteAsync(ImportResult result, NpmImportOptions options, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var stateDirectory = Path.GetFullPath(Path.Combine(options.ManifestDirectory, options.StateDir));
        var (seeds, kept) = seeder.FilesFor(result.Seeds, stateDirectory, force);
        var existing = result.Files.Where(f => !force && File.Exists(f.Path) && !f.Path.EndsWith("/.gitignore", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        if (existing.Count > 0)
        {
            error.WriteLine($"error: '{existing[0]}' exists{(existing.Count > 1 ? $" (and {existing.Count - 1} more secret files)" : "")}\n  = hint: choose another --secrets-dir, or pass --force to replace them");
            return false;
        }
        var files = result.Files.Select(f => new PendingFile(f.Path, f.Content, f.Secret)).Concat(seeds)
            .Append(new PendingFile(options.ManifestPath, result.Manifest, Secret: false)).ToList();
        try
        {
            await new ImportFileWriter().WriteAsync(files, [options.SecretsDirectory, stateDirectory], cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CertificateStoreException)
        {
            error.WriteLine($"error: {e.Message}\n  = hint: nothing was written; check the paths given with -o, --secrets-dir and --state-dir");
            return false;
        }
        output.WriteLine();
        output.WriteLine($"Wrote {options.ManifestPath}, {result.Files.Count(f => f.Secret)} secret files in {options.SecretsDirectory} (0600)" +
            (result.Seeds.Count - kept.Count > 0 ? $", and {result.Seeds.Count - kept.Count} existing certificate(s) into {stateDirectory}." : "."));
        foreach (var name in kept)
        {
            output.WriteLine($"Kept the certificate '{name}' already in {stateDirectory} (pass --force to replace it with NPM's).");
        }
        output.WriteLine($"Next: gate validate -f {options.ManifestPath} && gate plan -f {options.ManifestPath}");
        return true;
    }
}
