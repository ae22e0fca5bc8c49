namespace HomelabGate.Acme.Protocol;

/// <summary>A newOrder payload (RFC 8555 §7.4).</summary>
internal sealed record AcmeNewOrder(IReadOnlyList<AcmeIdentifier> Identifiers);

/// <summary>A finalize payload: the CSR, base64url DER (RFC 8555 §7.4).</summary>
internal sealed record AcmeFinalize(string Csr);
