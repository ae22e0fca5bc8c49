namespace HomelabGate.Certificates.Sources;

/// <summary>Where a certificate comes from: the manifest's issuer type, or <c>files:</c>.</summary>
public enum CertificateOrigin
{
    LocalCa,
    Acme,
    Files,
}
