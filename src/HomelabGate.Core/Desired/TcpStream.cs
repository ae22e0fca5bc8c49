namespace HomelabGate.Core.Desired;

/// <summary>A plain TCP forward (NPM's "streams"): every connection to <see cref="Listen"/> is piped to <see cref="To"/>.
/// With a <see cref="Certificate"/> (the name of a managed certificate) the listener terminates TLS and pipes the
/// plain bytes. Its listener is bound once at start, like the HTTP listeners.</summary>
public sealed record TcpStream(string Name, string Listen, string To, string? Certificate = null);
