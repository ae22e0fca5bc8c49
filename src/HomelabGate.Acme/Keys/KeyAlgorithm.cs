namespace HomelabGate.Acme.Keys;

/// <summary>Key types for account keys and certificate keys. ECDSA P-256 is the default: small, fast, universally accepted.</summary>
public enum KeyAlgorithm
{
    EcdsaP256,
    Rsa2048,
}
