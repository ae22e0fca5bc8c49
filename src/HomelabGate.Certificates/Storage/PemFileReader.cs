using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.Storage;

/// <summary>Reads certificates and private keys from PEM files, with errors that name the file and the fix.</summary>
public sealed class PemFileReader
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>All certificates in the file, in file order. Throws when there is none or one is damaged.</summary>
    public IReadOnlyList<X509Certificate2> ReadCertificates(string path) => ParseCertificates(ReadText(path), path);

    /// <summary>All certificates in <paramref name="text"/>; <paramref name="path"/> names where it came from in errors.</summary>
    public IReadOnlyList<X509Certificate2> ParseCertificates(string text, string path)
    {
        if (!text.Contains("-----BEGIN CERTIFICATE-----"))
        {
            var found = text.Contains("PRIVATE KEY-----") ? " It holds a private key; did you swap the certificate and key paths?" : "";
            throw new CertificateStoreException($"'{path}' does not contain a PEM certificate (-----BEGIN CERTIFICATE-----).{found}");
        }

        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(text);
            return collection.Count > 0 ? collection.ToArray() : throw new CryptographicException("no certificate could be decoded");
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CertificateStoreException($"'{path}' contains a damaged certificate: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a private key, refusing files that group or others may access: a key others could have read must be
    /// treated as leaked, and saying so early beats a silent exposure.
    /// </summary>
    public PrivateKey ReadPrivateKey(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new InsecureKeyFileException(path, mode);
            }
        }

        return ParsePrivateKey(ReadText(path), path);
    }

    public PrivateKey ParsePrivateKey(string text, string path)
    {
        try
        {
            return PrivateKey.FromPem(text);
        }
        catch (FormatException e)
        {
            throw new CertificateStoreException($"'{path}' is not a usable private key: {e.Message}.");
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new CertificateStoreException($"'{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateStoreException($"Cannot read '{path}': {e.Message}", e);
        }
    }
}
