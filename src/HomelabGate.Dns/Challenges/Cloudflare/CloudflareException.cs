namespace HomelabGate.Dns.Challenges.Cloudflare;

/// <summary>Cloudflare answered success=false or an HTTP error; the message has Cloudflare's error codes and texts, never the token.</summary>
public sealed class CloudflareException(string message) : Exception(message);
