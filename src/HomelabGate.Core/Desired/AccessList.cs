namespace HomelabGate.Core.Desired;

/// <summary>IP rules (first match of <see cref="Rules"/> wins) and basic-auth users; <see cref="RequireAll"/> is nginx's
/// "satisfy all" (both the IP rules and a password), otherwise either one suffices.</summary>
public sealed record AccessList : Resource
{
    public required string Name { get; init; }

    public ValueList<IpRule> Rules { get; set; } = ValueList<IpRule>.Empty;

    [Sensitive]
    public ValueList<BasicAuthUser> Users { get; set; } = ValueList<BasicAuthUser>.Empty;

    public bool RequireAll { get; init; }

    public bool PassAuthorization { get; init; }

    public string Realm { get; set; } = "HomelabGate";

    public override ResourceId Id => new(ResourceKind.AccessList, Name);

    public override string Summary => $"({Rules.Count} ip rules, {Users.Count} users)";
}

/// <summary>Allow or deny a CIDR ("all" is 0.0.0.0/0 and ::/0).</summary>
public sealed record IpRule(bool Allow, string Cidr);

/// <summary><see cref="Credential"/> is a password hash or a secret reference to one.</summary>
public sealed record BasicAuthUser(string Name, string Credential);
