namespace HomelabGate.Core.Desired;

/// <summary>The one key-type type: what the manifest asks for (<c>keyType</c>), what the local CA and the ACME client
/// generate, what is stored in meta.json and what the renewal rules compare. ECDSA P-256 is the default: small, fast,
/// accepted by every current client.</summary>
public enum KeyType
{
    EcdsaP256,
    Rsa2048,
    Rsa3072,
}
