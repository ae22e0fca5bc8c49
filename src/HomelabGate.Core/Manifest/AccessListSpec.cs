namespace HomelabGate.Core.Manifest;

public sealed record AccessListSpec
{
    public List<string>? Allow { get; set; }

    public List<string>? Deny { get; set; }

    /// <summary>User name → password hash (bcrypt or SHA-crypt) or a secret reference to one; never a plain password.</summary>
    public Dictionary<string, string>? Users { get; set; }

    public string? Satisfy { get; set; }

    public bool? PassAuthorization { get; set; }

    public string? Realm { get; set; }
}
