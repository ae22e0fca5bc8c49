namespace HomelabGate.Dns.PiHole;

/// <summary>The Pi-hole API refused a request. The message carries Pi-hole's own error text, never the password or session id.</summary>
public sealed class PiholeException(string message) : Exception(message);
