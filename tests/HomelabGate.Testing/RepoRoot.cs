namespace HomelabGate.Testing;

/// <summary>The repository's root, found by walking up from the test binaries to HomelabGate.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HomelabGate.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HomelabGate.sln not found above " + AppContext.BaseDirectory);
    }
}
