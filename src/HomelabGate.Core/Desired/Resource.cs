using System.Text.Json.Serialization;

namespace HomelabGate.Core.Desired;

/// <summary>A normalized piece of desired state. Derived records have content equality (lists are <see cref="ValueList{T}"/>),
/// so "unchanged" in the planner means equal here.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(ProxyHost), "host")]
[JsonDerivedType(typeof(UpstreamPool), "upstream")]
[JsonDerivedType(typeof(AccessList), "access-list")]
[JsonDerivedType(typeof(GatewaySettings), "settings")]
[JsonDerivedType(typeof(Certificate), "certificate")]
[JsonDerivedType(typeof(CertificateIssuer), "issuer")]
[JsonDerivedType(typeof(DnsRecord), "dns")]
public abstract record Resource
{
    [JsonIgnore]
    public abstract ResourceId Id { get; }

    /// <summary>A few words shown next to the resource in a plan, e.g. "(local-ca, *.home.test)".</summary>
    [JsonIgnore]
    public virtual string? Summary => null;

    /// <summary>True when going from <paramref name="previous"/> to this cannot be done in place (the plan says -/+).</summary>
    public virtual bool MustReplace(Resource previous) => false;
}
