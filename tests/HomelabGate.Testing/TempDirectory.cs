namespace HomelabGate.Testing;

/// <summary>A fresh directory under the system temp folder, deleted (with everything in it) when the test ends, also
/// when a test made parts of it read-only.</summary>
public sealed class TempDirectory(string prefix = "hg-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string CreateDirectory(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    /// <summary>Writes <paramref name="content"/> to a file in the directory (creating folders) and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }
        // A test may have left a folder at 0555 (a read-only data dir); its owner can always open it up again.
        foreach (var dir in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
        {
            if (OperatingSystem.IsWindows())
            {
                break;
            }
            try
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        Directory.Delete(Path, recursive: true);
    }
}
