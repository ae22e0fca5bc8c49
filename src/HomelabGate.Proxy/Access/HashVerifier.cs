namespace HomelabGate.Proxy.Access;

/// <summary>Runs password-hash checks (bcrypt, SHA-crypt: deliberately slow; Apache MD5 and {SHA}, read-only) on the thread pool, at most one per core
/// at a time, and refuses outright when too many wait. A flood of wrong passwords then costs a bounded share of the CPU
/// and cannot stall request threads; legitimate users are unaffected once their login is remembered.</summary>
public sealed class HashVerifier : IPasswordVerifier
{
    /// <summary>bcrypt reads only this many bytes of a password and ignores the rest, so an 82-byte password would be
    /// accepted by its first 72 bytes; longer passwords are refused instead (hashes stay plain bcrypt, as htpasswd
    /// writes them).</summary>
    public const int BcryptMaxBytes = 72;

    private const int MaxWaiting = 64;
    private readonly SemaphoreSlim _running = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private int _waiting;

    public async Task<bool> VerifyAsync(string password, string hash)
    {
        if (Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return false;
        }
        try
        {
            await _running.WaitAsync().ConfigureAwait(false);
            try
            {
                return await Task.Run(() => Verify(password, hash)).ConfigureAwait(false);
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public static bool Verify(string password, string hash)
    {
        try
        {
            if (ShaCrypt.IsShaCrypt(hash))
            {
                return ShaCrypt.Verify(password, hash);
            }
            if (ApacheMd5.IsApacheMd5(hash))
            {
                return ApacheMd5.Verify(password, hash);
            }
            if (HtpasswdSha.IsHtpasswdSha(hash))
            {
                return HtpasswdSha.Verify(password, hash);
            }
            return System.Text.Encoding.UTF8.GetByteCount(password) <= BcryptMaxBytes && BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
