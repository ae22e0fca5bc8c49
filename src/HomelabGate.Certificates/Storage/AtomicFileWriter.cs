using System.Text;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Storage;

/// <summary>
/// Writes files so that a reader sees either the old content or the new, never half of either (<see cref="AtomicFile"/>:
/// temp files in the same directory, flushed, renamed). Secret files get mode 0600 from creation, so the key is never
/// readable by others, not even for a moment.
/// </summary>
public sealed class AtomicFileWriter
{
    public const UnixFileMode SecretMode = AtomicFile.SecretMode;
    public const UnixFileMode PublicMode = AtomicFile.PublicMode;

    /// <summary>Writes every file to a temp file first, then renames them all: a failure while writing changes nothing.
    /// Callers put the key first, so a crash between renames leaves a key that does not match the certificate, which
    /// the renewal policy detects and repairs.</summary>
    public async Task WriteAllAsync(IReadOnlyList<PendingFile> files, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAllAsync([.. files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Content), f.Secret ? SecretMode : PublicMode))], cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var directory = Path.GetDirectoryName(files[0].Path);
            throw new CertificateStoreException(
                $"Cannot write to '{directory}': {e.Message} Check that the state directory exists and is writable by this user.", e);
        }
    }
}

/// <summary>One file to write. <see cref="ToString"/> omits the content: it may be a private key.</summary>
public sealed record PendingFile(string Path, string Content, bool Secret)
{
    public override string ToString() => $"{Path} ({(Secret ? "secret" : "public")}, {Content.Length} chars)";
}
