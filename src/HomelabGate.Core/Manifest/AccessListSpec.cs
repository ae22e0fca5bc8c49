namespace HomelabGate.Core.Manifest;

public sealed record AccessListSpec
{
    public List<string>? Allow { get; init; }

    public List<string>? Deny { get; init; }

    /// <summary>User name → password hash (bcrypt or SHA-crypt) or a secret reference to one; never a plain password.</summary>
    public Dictionary<string, string>? Users { get; init; }

    public string? Satisfy { get; init; }

    public bool? PassAuthorization { get; init; }

    public string? Realm { get; init; }
}
