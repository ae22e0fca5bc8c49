namespace HomelabGate.Fuzzing;

/// <summary>A manifest the mutators start from: a shipped example, homelab.yaml, or a file of the regression corpus.</summary>
public sealed record Seed(string Name, byte[] Bytes)
{
    public override string ToString() => Name;

    /// <summary>examples/*.yaml and homelab.yaml of the repository, in a stable order.</summary>
    public static IReadOnlyList<Seed> Shipped(string repoRoot) =>
        Directory.GetFiles(Path.Combine(repoRoot, "examples"), "*.yaml")
            .Append(Path.Combine(repoRoot, "homelab.yaml"))
            .Order(StringComparer.Ordinal)
            .Select(f => new Seed(Path.GetRelativePath(repoRoot, f), File.ReadAllBytes(f)))
            .ToList();

    /// <summary>The repository root: the nearest folder above <paramref name="start"/> holding HomelabGate.sln.</summary>
    public static string RepoRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HomelabGate.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("HomelabGate.sln not found above " + (start ?? AppContext.BaseDirectory));
    }
}
