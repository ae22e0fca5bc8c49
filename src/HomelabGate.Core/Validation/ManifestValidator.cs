using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation.Rules;

namespace HomelabGate.Core.Validation;

/// <summary>Runs every rule and returns all findings, ordered by where they are in the file.</summary>
public sealed class ManifestValidator(IEnumerable<IManifestRule> rules)
{
    public static ManifestValidator Default { get; } = new([
        new HostActionRule(), new ReferenceRule(), new DuplicateDomainRule(), new HostNameRule(), new UrlRule(),
        new AddressRule(), new CidrRule(), new PasswordHashRule(), new HeaderValueRule(), new CertificateSourceRule(),
        new DnsRecordRule(), new TlsRule(), new HostPolicyRule(), new ListenerCollisionRule(), new NotificationRule(),
    ]);

    public IReadOnlyList<Diagnostic> Validate(LoadedManifest manifest) =>
        rules.SelectMany(rule => rule.Check(manifest))
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
}
