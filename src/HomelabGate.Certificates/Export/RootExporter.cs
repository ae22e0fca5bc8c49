using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.Export;

/// <summary>The root certificate in the formats devices ask for. Only the certificate: the root key never leaves the state dir.</summary>
public sealed class RootExporter
{
    public string ToPem(X509Certificate2 root) => root.ExportCertificatePem() + "\n";

    /// <summary>DER (".cer"/".crt"): what Android and Windows open with a double-click.</summary>
    public byte[] ToDer(X509Certificate2 root) => root.Export(X509ContentType.Cert);

    /// <summary>
    /// PKCS#12 holding the root certificate alone. The password protects nothing secret, but some importers
    /// insist on one. 3DES/SHA-1 is chosen for compatibility: older Android, Windows and macOS keychains cannot
    /// read AES-based PKCS#12, and the bag holds nothing worth stronger protection.
    /// </summary>
    public byte[] ToPkcs12(X509Certificate2 root, string password)
    {
        // Re-read from DER so a private key attached by a caller can never end up in the file.
        using var certificateOnly = X509CertificateLoader.LoadCertificate(root.RawData);
        return certificateOnly.ExportPkcs12(Pkcs12ExportPbeParameters.Pkcs12TripleDesSha1, password);
    }

    /// <summary>A short, stable id for file names and nicknames: the first 16 hex digits of the SHA-256 fingerprint.</summary>
    public static string ShortFingerprint(X509Certificate2 root) => Convert.ToHexStringLower(SHA256.HashData(root.RawData))[..16];
}
