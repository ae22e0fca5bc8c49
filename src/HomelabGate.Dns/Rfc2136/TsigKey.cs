using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>A TSIG key as the manifest names it. <paramref name="Algorithm"/> is the BIND spelling
/// ("hmac-sha256", "hmac-sha1", "hmac-sha512", with or without the trailing dot); the secret is only a reference.</summary>
public sealed record TsigKey(string Name, string Algorithm, SecretReference Secret);
