namespace HomelabGate.Cli.Certificates;

/// <summary>The encodings <c>gate ca export</c> writes: PEM (Linux, curl, most servers), DER (Android, Windows) and
/// PKCS#12 (importers that insist on a password-protected bag).</summary>
public enum ExportFormat
{
    Pem,
    Der,
    P12,
}
