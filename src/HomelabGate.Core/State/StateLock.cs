namespace HomelabGate.Core.State;

/// <summary>One writer per state directory: an exclusive lock on <c>stateDir/gate.lock</c> (flock on Linux), released
/// when disposed or when the process dies. The daemon holds it for its lifetime and records its admin address beside it, so <c>gate apply</c> knows to ask the daemon instead of writing behind its back.</summary>
public sealed class StateLock : IDisposable
{
    private readonly FileStream _stream;

    private StateLock(FileStream stream) => _stream = stream;

    public static string PathIn(string stateDir) => Path.Combine(stateDir, "gate.lock");

    /// <summary>The holder's note sits beside the lock: the lock file itself cannot be read while another process holds it.</summary>
    private static string InfoPath(string stateDir) => Path.Combine(stateDir, "gate.lock.info");

    /// <returns>The lock, or null when another process holds it.</returns>
    public static StateLock? TryAcquire(string stateDir, string holderInfo)
    {
        PrivateDirectory.Create(stateDir);
        try
        {
            var stream = new FileStream(PathIn(stateDir), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            AtomicFile.Write(InfoPath(stateDir), System.Text.Encoding.UTF8.GetBytes(holderInfo), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // The one writer now: whatever a killed writer left half-done is swept before anything is written.
            AtomicFile.RemoveLeftoversUnder(stateDir);
            return new StateLock(stream);
        }
        catch (IOException e) when (e.HResult is SharingViolation or WouldBlock)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not StateWriteException)
        {
            throw new StateWriteException(PathIn(stateDir), e);
        }
    }

    // Windows reports a held lock as a sharing violation; .NET on Linux passes flock's EWOULDBLOCK (11) through.
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int WouldBlock = 11;

    /// <summary>What the current holder wrote (its admin address), readable while it holds the lock.</summary>
    public static string? ReadHolder(string stateDir)
    {
        try
        {
            return File.ReadAllText(InfoPath(stateDir));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
