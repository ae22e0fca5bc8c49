namespace HomelabGate.Core.Status;

/// <summary>One thing in the world that no longer matches the manifest: which resource, why, what was expected and what
/// was found, and whether <c>gate apply</c> can repair it.</summary>
public sealed record DriftItem(string Resource, string Reason, string? Expected = null, string? Found = null, bool Repairable = true);
