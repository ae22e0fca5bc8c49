namespace HomelabGate.Import.Npm.Reading;

/// <summary>An <c>access_list</c> with its IP rules (in NPM's order; nginx takes the first match, then "deny all") and
/// basic-auth users.</summary>
public sealed record NpmAccessList(int Id, NpmRowState State, string Name, bool SatisfyAny, bool PassAuth,
    IReadOnlyList<NpmAccessRule> Rules, IReadOnlyList<NpmAccessUser> Users);

/// <summary>"allow"/"deny" an address, a CIDR, or "all".</summary>
public sealed record NpmAccessRule(bool Allow, string Address);

/// <summary>NPM keeps the password in plain text; it stays a <see cref="SecretText"/> until it is hashed.</summary>
public sealed record NpmAccessUser(string Username, SecretText Password);
