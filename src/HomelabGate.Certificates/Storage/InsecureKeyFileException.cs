namespace HomelabGate.Certificates.Storage;

/// <summary>
/// A private key file others may read. Separate from <see cref="CertificateStoreException"/> because it must
/// stop the run rather than count as "unreadable, re-issue": silently replacing the key would hide the exposure.
/// </summary>
public sealed class InsecureKeyFileException(string path, UnixFileMode mode) : Exception(
    $"Refusing to read private key '{path}': its mode {Convert.ToString((int)mode, 8)} lets group or others access it. " +
    $"Run `chmod 600 {path}` (and consider the key exposed if others could log in).")
{
    public string Path { get; } = path;
}
