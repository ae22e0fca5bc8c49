namespace HomelabGate.Core.State;

/// <summary>A file of the state directory (or one gate manages, such as a hosts file) could not be written. The message
/// is one line a person can act on: which file, and why in plain words ("the disk is full", "the file system is
/// read-only"); nothing was half-written.</summary>
public sealed class StateWriteException(string path, Exception inner) : IOException($"cannot write '{path}': {Describe(inner)}", inner)
{
    public string Path { get; } = path;

    // errno values Linux reports in an IOException's HResult (the low 16 bits).
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    private static string Describe(Exception e) => (e.HResult & 0xFFFF) switch
    {
        NoSpace => "the disk is full (no space left on device); the file was left as it was",
        ReadOnlyFileSystem => "the file system is read-only; mount it read-write",
        QuotaExceeded => "the disk quota is exceeded",
        _ when e is UnauthorizedAccessException => "permission denied; the state directory must be writable by the user gate runs as",
        _ => e.Message,
    };
}
