using System.Text;

namespace HomelabGate.Certificates.Storage;

/// <summary>
/// Writes files so that a reader sees either the old content or the new, never half of either: a temp file in
/// the same directory (same filesystem, so the rename is atomic), flushed to disk, then renamed over the target.
/// Secret files get mode 0600 from creation, so the key is never readable by others, not even for a moment.
/// </summary>
public sealed class AtomicFileWriter
{
    public const UnixFileMode SecretMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PublicMode = SecretMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes every file to a temp file first, then renames them all: a failure while writing changes nothing.</summary>
    public async Task WriteAllAsync(IReadOnlyList<PendingFile> files, CancellationToken cancellationToken)
    {
        var temps = new List<(string Temp, string Target)>();
        try
        {
            foreach (var file in files)
            {
                var temp = Path.Combine(Path.GetDirectoryName(file.Path)!, $".{Path.GetFileName(file.Path)}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, file.Path)); // before writing, so a half-written temp file is cleaned up too
                await WriteTempAsync(file, temp, cancellationToken);
            }

            // Renaming in the given order: callers put the key first, so a crash between renames leaves a
            // key that does not match the certificate, which the renewal policy detects and repairs.
            foreach (var (temp, target) in temps)
            {
                File.Move(temp, target, overwrite: true);
            }
        }
        catch (Exception e)
        {
            foreach (var (temp, _) in temps)
            {
                TryDelete(temp);
            }

            if (e is not (IOException or UnauthorizedAccessException))
            {
                throw;
            }

            var directory = Path.GetDirectoryName(files[0].Path);
            throw new CertificateStoreException(
                $"Cannot write to '{directory}': {e.Message} Check that the state directory exists and is writable by this user.", e);
        }
    }

    private static async Task WriteTempAsync(PendingFile file, string temp, CancellationToken cancellationToken)
    {
        Core.State.PrivateDirectory.Create(Path.GetDirectoryName(temp)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = file.Secret ? SecretMode : PublicMode;
        }

        await using var stream = new FileStream(temp, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(file.Content), cancellationToken);
        stream.Flush(flushToDisk: true);
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

/// <summary>One file to write. <see cref="ToString"/> omits the content: it may be a private key.</summary>
public sealed record PendingFile(string Path, string Content, bool Secret)
{
    public override string ToString() => $"{Path} ({(Secret ? "secret" : "public")}, {Content.Length} chars)";
}
