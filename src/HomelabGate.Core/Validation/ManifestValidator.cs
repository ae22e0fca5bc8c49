using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation.Rules;

namespace HomelabGate.Core.Validation;

/// <summary>Runs every rule and returns all findings, ordered by where they are in the file. A rule that fails
/// unexpectedly costs only its own findings (and says so), never the others'.</summary>
public sealed class ManifestValidator(IEnumerable<IManifestRule> rules)
{
    public static ManifestValidator Default { get; } = new([
        new HostActionRule(), new ReferenceRule(), new DuplicateDomainRule(), new HostNameRule(), new UrlRule(),
        new AddressRule(), new CidrRule(), new PasswordHashRule(), new HeaderValueRule(), new CertificateSourceRule(),
        new DnsRecordRule(), new TlsRule(), new HostPolicyRule(), new ListenerCollisionRule(), new DurationRule(),
        new AdminTokenRule(), new AdminTargetRule(), new Dns01Rule(), new MulticastDnsNameRule(), new NameConstraintRule(),
        new DnsRecordTypeRule(), new SizeRule(), new ClusterRule(), new ErrorPageRule(), new NotificationRule(),
    ]);

    /// <param name="complete">False when the manifest is missing what the schema refused: then only rules that judge the
    /// values present run.</param>
    public IReadOnlyList<Diagnostic> Validate(LoadedManifest manifest, bool complete = true) =>
        rules.Where(rule => complete || !rule.NeedsCompleteManifest)
            .SelectMany(rule => Run(rule, manifest))
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)
            .ToList();

    private static IReadOnlyList<Diagnostic> Run(IManifestRule rule, LoadedManifest manifest)
    {
        try
        {
            return rule.Check(manifest).ToList();
        }
        catch (Exception e)
        {
            return [InternalError.While($"checking {rule.GetType().Name}", e, new SourceLocation(manifest.Map.FileName, 1, 1))];
        }
    }
}
