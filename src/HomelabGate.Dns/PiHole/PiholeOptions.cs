using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.PiHole;

/// <summary>A Pi-hole v6 instance: its base address (e.g. http://pi.hole/) and a reference to its web/app password.</summary>
public sealed record PiholeOptions(Uri BaseAddress, SecretReference Password);
