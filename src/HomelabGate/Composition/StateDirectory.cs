namespace HomelabGate.Composition;

/// <summary>The resolved, absolute state directory the services of one container work in.</summary>
public sealed record StateDirectory(string Path);
