namespace HomelabGate.Import.Npm.Reading;

/// <summary>A <c>dead_host</c> row: NPM's "404 host".</summary>
public sealed record NpmDeadHost(int Id, NpmRowState State, IReadOnlyList<string> Domains, NpmTls Tls, string AdvancedConfig);
