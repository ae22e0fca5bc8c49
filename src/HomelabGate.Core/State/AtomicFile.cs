namespace HomelabGate.Core.State;

/// <summary>Writes files so readers see the old content or the new, never a mix: each goes to a temp file in the same
/// directory (same file system, so the rename is atomic), created with its final mode (a key is never readable by
/// others, not even for a moment), flushed to disk, then renamed over the target. A batch is written completely before
/// any rename, so a failure while writing (a full disk, a read-only mount) changes nothing; the temp files are removed.
/// Failures come out as <see cref="StateWriteException"/>: one line naming the file and the cause.</summary>
public static class AtomicFile
{
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PublicMode = SecretMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode) => WriteAll([new AtomicWrite(path, content.ToArray(), mode)]);

    /// <summary><see cref="WriteAll"/> off the caller's thread (it flushes to disk).</summary>
    public static Task WriteAllAsync(IReadOnlyList<(string Path, byte[] Content, UnixFileMode Mode)> files, CancellationToken cancellationToken) =>
        Task.Run(() => WriteAll([.. files.Select(f => new AtomicWrite(f.Path, f.Content, f.Mode))]), cancellationToken);

    /// <summary>Renames in the given order once all are written; callers put a key before its certificate, so a crash
    /// between renames leaves a pair that the renewal rules see as mismatched and repair.</summary>
    public static void WriteAll(IReadOnlyList<AtomicWrite> files)
    {
        var temps = new List<(string Temp, string Target)>();
        var current = files.Count > 0 ? files[0].Path : "";
        try
        {
            foreach (var file in files)
            {
                current = Path.GetFullPath(file.Path);
                var directory = Path.GetDirectoryName(current)!;
                PrivateDirectory.Create(directory);
                RemoveLeftovers(directory, Path.GetFileName(current));
                var temp = Path.Combine(directory, $".{Path.GetFileName(current)}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, current)); // before writing, so a half-written temp file is removed too
                WriteTemp(temp, file);
            }
            foreach (var (temp, target) in temps)
            {
                current = target;
                File.Move(temp, target, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in temps)
            {
                TryDelete(temp);
            }
            throw new StateWriteException(current, e);
        }
    }

    /// <summary>Temp files of this target that a crash (kill -9, power loss) left behind; the caller is the state
    /// directory's one writer, so none of them belongs to a write in progress.</summary>
    private static void RemoveLeftovers(string directory, string fileName)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var leftover in Directory.EnumerateFiles(directory, $".{fileName}.*.tmp"))
        {
            TryDelete(leftover);
        }
    }

    private static void WriteTemp(string temp, AtomicWrite file)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = file.Mode;
        }
        using var stream = new FileStream(temp, options);
        stream.Write(file.Content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Removes every temp file a crash left anywhere under <paramref name="directory"/> (named as
    /// <see cref="WriteAll"/> names them). Called by the one writer when it takes the state directory's lock.</summary>
    public static void RemoveLeftoversUnder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            // ".<target>.<32 hex>.tmp": nothing else in the state directory is named like this.
            if (name.Length > 38 && name[^37] == '.' && name[^36..^4].All(char.IsAsciiHexDigitLower))
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: on a full or read-only disk the temp file may not even exist; one left over is named as such.
        }
    }
}

/// <summary>One file for <see cref="AtomicFile.WriteAll"/>. <see cref="ToString"/> omits the content: it may be a key.</summary>
public sealed record AtomicWrite(string Path, byte[] Content, UnixFileMode Mode)
{
    public override string ToString() => $"{Path} ({Content.Length} bytes)";
}
