namespace HomelabGate.Core.State;

/// <summary>Writes files so readers see the old or the new content, never a mix: a temp file in the same directory,
/// created with its final mode (a key is never readable by others, not even for a moment), flushed to disk, renamed.</summary>
public static class AtomicFile
{
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PublicMode = SecretMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = TempFor(path);
        try
        {
            using (var stream = new FileStream(temp, Options(mode)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Every file to a temp file first, then all renamed in the given order: a failure while writing changes
    /// nothing (the temp files are removed) and is rethrown as it came.</summary>
    public static async Task WriteAllAsync(IReadOnlyList<(string Path, byte[] Content, UnixFileMode Mode)> files, CancellationToken cancellationToken)
    {
        var temps = new List<(string Temp, string Target)>();
        try
        {
            foreach (var (path, content, mode) in files)
            {
                var temp = TempFor(path);
                temps.Add((temp, path)); // before writing, so a half-written temp file is cleaned up too
                Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
                await using var stream = new FileStream(temp, Options(mode));
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (temp, target) in temps)
            {
                File.Move(temp, target, overwrite: true);
            }
        }
        catch
        {
            foreach (var (temp, _) in temps)
            {
                TryDelete(temp);
            }
            throw;
        }
    }

    private static string TempFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static FileStreamOptions Options(UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }
        return options;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temp file is harmless and named so it is obviously one.
        }
    }
}
