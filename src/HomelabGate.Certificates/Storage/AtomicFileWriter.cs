using System.Text;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Storage;

/// <summary>The certificate and CA files, written as one batch through <see cref="AtomicFile.WriteAll"/>: temp files
/// first, with their final modes (keys 0600), then renamed; a failure changes nothing.</summary>
public sealed class AtomicFileWriter
{
    public const UnixFileMode SecretMode = AtomicFile.SecretMode;
    public const UnixFileMode PublicMode = AtomicFile.PublicMode;

    public Task WriteAllAsync(IReadOnlyList<PendingFile> files, CancellationToken cancellationToken) => Task.Run(() =>
    {
        try
        {
            AtomicFile.WriteAll([.. files.Select(f => new AtomicWrite(f.Path, Encoding.UTF8.GetBytes(f.Content), f.Secret ? SecretMode : PublicMode))]);
        }
        catch (StateWriteException e)
        {
            throw new CertificateStoreException(e.Message, e);
        }
    }, cancellationToken);
}

/// <summary>One file to write. <see cref="ToString"/> omits the content: it may be a private key.</summary>
public sealed record PendingFile(string Path, string Content, bool Secret)
{
    public override string ToString() => $"{Path} ({(Secret ? "secret" : "public")}, {Content.Length} chars)";
}
