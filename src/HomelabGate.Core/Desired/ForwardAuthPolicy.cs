namespace HomelabGate.Core.Desired;

/// <summary>Ask an authentication server (Authelia, Authentik, oauth2-proxy) before proxying; on 2xx the listed
/// response headers are copied onto the upstream request.</summary>
public sealed record ForwardAuthPolicy(string Url, ValueList<string> CopyHeaders);
