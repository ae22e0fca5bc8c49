namespace HomelabGate.Import.Npm;

/// <summary>Where NPM's data is and where the import goes. Paths are absolute (the command resolves them).</summary>
public sealed record NpmImportOptions
{
    /// <summary>NPM's /data volume: database.sqlite, custom_ssl/, access/.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>NPM's /etc/letsencrypt volume (live/npm-ID/); by default the letsencrypt folder beside the data folder.</summary>
    public string? LetsEncryptDirectory { get; init; }

    /// <summary>The database file, when it is not DataDirectory/database.sqlite.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The manifest to write.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>Password hashes, DNS credentials and certificate copies (0600 files, referenced with ${file:…}).</summary>
    public required string SecretsDirectory { get; init; }

    /// <summary>settings.stateDir as written into the manifest (relative to the manifest's folder, or absolute).</summary>
    public string StateDir { get; init; } = "./data";

    public string HttpListen { get; init; } = "0.0.0.0:80";

    public string HttpsListen { get; init; } = "0.0.0.0:443";

    /// <summary>How long to wait while NPM holds a write lock on its database.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>bcrypt work factor for the access-list password hashes (gate hash-password's default).</summary>
    public int BcryptCost { get; init; } = 12;

    public string DatabaseFile => DatabasePath ?? Path.Combine(DataDirectory, "database.sqlite");

    public string LetsEncryptFolder => LetsEncryptDirectory ?? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(DataDirectory)) ?? DataDirectory, "letsencrypt");

    public string ManifestDirectory => Path.GetDirectoryName(ManifestPath)!;
}
