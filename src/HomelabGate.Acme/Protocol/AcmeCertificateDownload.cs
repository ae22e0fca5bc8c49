namespace HomelabGate.Acme.Protocol;

/// <summary>A downloaded PEM chain (leaf first) and the URLs of alternate chains the CA linked to.</summary>
public sealed record AcmeCertificateDownload(Uri Url, string Pem, IReadOnlyList<Uri> Alternates);
