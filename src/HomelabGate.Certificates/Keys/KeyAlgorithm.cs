namespace HomelabGate.Certificates.Keys;

/// <summary>Key types we generate. ECDSA P-256 is the default: small, fast, accepted by every current client.</summary>
public enum KeyAlgorithm
{
    EcdsaP256,
    Rsa2048,
    Rsa3072,
}
