using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class AccessListBuilder
{
    /// <summary>Deny entries come first: an explicit deny inside a broader allow must win (NPM and nginx users write
    /// "allow 192.168.1.0/24; deny 192.168.1.66" and expect .66 to be denied).</summary>
    public static AccessList Build(string name, AccessListSpec spec, ManifestFolder folder) => new()
    {
        Name = name,
        Rules = new((spec.Deny ?? []).Select(c => new IpRule(false, c)).Concat((spec.Allow ?? []).Select(c => new IpRule(true, c)))),
        Users = new((spec.Users ?? []).Select(u => new BasicAuthUser(u.Key, folder.Secret(u.Value)!)).OrderBy(u => u.Name, StringComparer.Ordinal)),
        RequireAll = spec.Satisfy == "all",
        PassAuthorization = spec.PassAuthorization ?? false,
        Realm = spec.Realm ?? "HomelabGate",
    };
}
