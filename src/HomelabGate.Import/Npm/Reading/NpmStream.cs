namespace HomelabGate.Import.Npm.Reading;

/// <summary>A <c>stream</c> row: a TCP and/or UDP port forward, optionally terminating TLS (TCP only).</summary>
public sealed record NpmStream(int Id, NpmRowState State, int IncomingPort, string ForwardingHost, int ForwardingPort, bool Tcp, bool Udp, int CertificateId);
