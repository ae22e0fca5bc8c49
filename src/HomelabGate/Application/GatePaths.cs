namespace HomelabGate.Application;

/// <summary>Where the manifest and the state directory are. The state directory comes from, in order: --state-dir,
/// $HOMELABGATE_STATE_DIR (the container sets /data), the manifest's settings.stateDir, or ./data; a relative path is
/// relative to the manifest's folder, so the same checkout behaves the same from any working directory.</summary>
public sealed record GatePaths(string ManifestPath, string? StateDirOverride)
{
    public const string StateDirVariable = "HOMELABGATE_STATE_DIR";

    public string ManifestDirectory => Path.GetDirectoryName(Path.GetFullPath(ManifestPath))!;

    public string ResolveStateDir(string? fromManifest)
    {
        var chosen = StateDirOverride ?? Environment.GetEnvironmentVariable(StateDirVariable) ?? fromManifest ?? "./data";
        return Path.GetFullPath(Path.Combine(ManifestDirectory, chosen));
    }
}
