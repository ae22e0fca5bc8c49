using System.CommandLine;
using HomelabGate.Import.Npm;

namespace HomelabGate.Cli.Import;

/// <summary>The options of <c>gate import npm</c>, and how they become <see cref="NpmImportOptions"/> (paths made absolute).</summary>
public sealed class NpmImportCommandOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "NPM's data folder (its /data volume, with database.sqlite)", Required = true };

    public Option<string?> LetsEncrypt { get; } = new("--letsencrypt") { Description = "NPM's letsencrypt folder (its /etc/letsencrypt volume; default: letsencrypt beside --data)" };

    public Option<string?> Database { get; } = new("--database") { Description = "The SQLite database, when it is not DATA/database.sqlite" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "The manifest to write", DefaultValueFactory = _ => "homelab.yaml" };

    public Option<string?> SecretsDir { get; } = new("--secrets-dir") { Description = "Where password hashes, DNS credentials and keys go (default: secrets beside the manifest)" };

    public Option<string> StateDir { get; } = new("--state-dir") { Description = "settings.stateDir of the new manifest; existing ACME certificates are put there", DefaultValueFactory = _ => "./data" };

    public Option<string> Http { get; } = new("--http") { Description = "HTTP listen address", DefaultValueFactory = _ => "0.0.0.0:80" };

    public Option<string> Https { get; } = new("--https") { Description = "HTTPS listen address", DefaultValueFactory = _ => "0.0.0.0:443" };

    public Option<int> Cost { get; } = new("--cost") { Description = "bcrypt work factor for the access-list password hashes (10-14)", DefaultValueFactory = _ => 12 };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the manifest and the report; write nothing" };

    public Option<bool> Force { get; } = new("--force") { Description = "Overwrite an existing manifest, secrets and stored certificates" };

    public IEnumerable<Option> All => [Data, LetsEncrypt, Database, Output, SecretsDir, StateDir, Http, Https, Cost, DryRun, Force];

    public NpmImportOptions Resolve(ParseResult result)
    {
        var manifest = Path.GetFullPath(result.GetValue(Output)!);
        var directory = Path.GetDirectoryName(manifest)!;
        return new NpmImportOptions
        {
            DataDirectory = Path.GetFullPath(result.GetValue(Data)!),
            LetsEncryptDirectory = result.GetValue(LetsEncrypt) is { } letsEncrypt ? Path.GetFullPath(letsEncrypt) : null,
            DatabasePath = result.GetValue(Database) is { } database ? Path.GetFullPath(database) : null,
            ManifestPath = manifest,
            SecretsDirectory = Path.GetFullPath(result.GetValue(SecretsDir) ?? Path.Combine(directory, "secrets")),
            StateDir = result.GetValue(StateDir)!,
            HttpListen = result.GetValue(Http)!,
            HttpsListen = result.GetValue(Https)!,
            BcryptCost = Math.Clamp(result.GetValue(Cost), 10, 14),
        };
    }
}
