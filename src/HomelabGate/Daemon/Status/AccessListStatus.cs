namespace HomelabGate.Daemon.Status;

/// <summary>An access list: how many IP rules of each kind, how many users (never who or their hashes), whether both
/// must pass, and the hosts behind it.</summary>
public sealed record AccessListStatus(string Name, int Allow, int Deny, int Users, bool RequireAll, IReadOnlyList<string> Hosts);
