using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>The external-dns style marker kept in the zone itself: <c>_hg-owner.&lt;name&gt; TXT
/// "heritage=homelabgate,owner=&lt;ownerId&gt;,type=&lt;A|AAAA|CNAME|TXT&gt;"</c>, one value per managed type.
/// It lives at a separate name because a CNAME may not share its name with a TXT record.</summary>
public sealed record OwnershipTxt(string Prefix, string OwnerId)
{
    public const string DefaultPrefix = "_hg-owner";

    public string MarkerName(string name) => $"{Prefix}.{DnsNames.Absolute(name)}";

    public string MarkerValue(DnsRecordType type) => $"heritage=homelabgate,owner={OwnerId},type={type}";

    public DnsRecordSet Marker(DnsRecordKey key, int ttl) => DnsRecordSet.Create(MarkerName(key.Name), DnsRecordType.TXT, ttl, MarkerValue(key.Type));

    /// <summary>The keys a marker record set claims for this owner (markers of other owners are ignored).</summary>
    public IEnumerable<DnsRecordKey> ClaimedKeys(DnsRecordSet set)
    {
        var prefix = Prefix + ".";
        if (set.Type != DnsRecordType.TXT || !set.Name.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield break;
        }
        var name = set.Name[prefix.Length..];
        foreach (var type in Enum.GetValues<DnsRecordType>())
        {
            if (set.Values.Contains(MarkerValue(type)))
            {
                yield return new DnsRecordKey(name, type);
            }
        }
    }
}
