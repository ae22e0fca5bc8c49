using System.Collections.Concurrent;
using System.Text.Json;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>What a resource holds when the manifest leaves every optional key out — per kind, and per DNS provider or
/// issuer type. The samples are built by the same <see cref="DesiredStateBuilder"/> from a minimal manifest, so "at its
/// default" here cannot disagree with what is applied. A plan hides such attributes when it shows a new resource; a block
/// the user wrote (hsts, a health check) shows in full, since the minimal manifest has none.</summary>
public sealed class AttributeDefaults
{
    private static readonly string[] Discriminators = ["type", "dns.provider.type", "dns01.provider"];

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _samples = new(StringComparer.Ordinal);

    /// <param name="path">A flattened attribute path; list indices are ignored ("targets[1].weight" is "targets[].weight").</param>
    public bool IsDefault(Resource resource, string path, string value)
    {
        if (Discriminators.Contains(path))
        {
            return false; // the sample was chosen by it: it matches by construction, and says what kind of thing this is
        }
        var key = SampleKey(resource);
        var sample = _samples.GetOrAdd(key, _ => Flatten(Sample(resource)));
        return sample.TryGetValue(WithoutIndices(path), out var standard) && standard == value;
    }

    private static string SampleKey(Resource resource) => resource switch
    {
        GatewaySettings { Dns: { } dns } => $"settings/{dns.Type}",
        CertificateIssuer { Acme: { } acme } => $"issuer/acme/{acme.Dns01.Provider}",
        _ => resource.Id.KindLabel,
    };

    private static Resource Sample(Resource resource)
    {
        var spec = resource switch
        {
            GatewaySettings settings => new ManifestSpec
            {
                Dns = settings.Dns is { } dns ? new DnsSpec { Provider = new DnsProviderSpec { Type = Spelled(dns.Type) } } : null,
            },
            UpstreamPool => new ManifestSpec { Upstreams = { ["u"] = new UpstreamSpec { Targets = [new TargetSpec { Url = "http://u" }] } } },
            AccessList => new ManifestSpec { AccessLists = { ["a"] = new AccessListSpec() } },
            ProxyHost => new ManifestSpec { Hosts = { ["h"] = new HostSpec { Domains = ["h.test"] } } },
            CertificateIssuer issuer => new ManifestSpec
            {
                Issuers = { ["i"] = new IssuerSpec
                {
                    Type = Spelled(issuer.Type),
                    Dns01 = issuer.Acme is { } acme ? new Dns01Spec { Provider = Spelled(acme.Dns01.Provider) } : null,
                } },
            },
            Certificate => new ManifestSpec { Certificates = { ["c"] = new CertificateSpec { Issuer = "i", Domains = ["c.test"] } } },
            DnsRecord record => new ManifestSpec
            {
                Dns = new DnsSpec { Provider = new DnsProviderSpec { Type = "hosts-file" }, Records = [new DnsRecordSpec { Name = "r.test", Type = record.Type, Value = "192.0.2.1" }] },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource.GetType().Name, "no sample for this kind of resource"),
        };
        return new DesiredStateBuilder().Build(spec).Resources.First(r => r.Id.Kind == resource.Id.Kind);
    }

    private static IReadOnlyDictionary<string, string> Flatten(Resource sample) =>
        ResourceAttributes.Flatten(sample).ToDictionary(p => WithoutIndices(p.Key), p => p.Value, StringComparer.Ordinal);

    private static string WithoutIndices(string path)
    {
        if (!path.Contains('[', StringComparison.Ordinal))
        {
            return path;
        }
        var text = new System.Text.StringBuilder(path.Length);
        var skipping = false;
        foreach (var c in path)
        {
            skipping = c == '[' || (skipping && c != ']');
            if (!skipping)
            {
                text.Append(c == ']' ? "[]" : c);
            }
        }
        return text.ToString();
    }

    /// <summary>An enum as the manifest spells it ("hosts-file", "local-ca"), as the resources serialize it.</summary>
    private static string Spelled<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
