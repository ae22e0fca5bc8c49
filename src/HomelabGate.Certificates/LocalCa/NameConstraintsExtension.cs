using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>
/// Encodes and decodes the RFC 5280 nameConstraints extension (2.5.29.30), which .NET has no builder for.
/// When no IP range is permitted, all of IPv4 and IPv6 is listed as excluded: a permitted-only DNS list
/// would otherwise leave IP SANs unconstrained.
/// </summary>
public static class NameConstraintsExtension
{
    public const string Oid = "2.5.29.30";

    private static readonly Asn1Tag Permitted = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Excluded = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag DnsName = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag IpAddress = new(TagClass.ContextSpecific, 7);

    public static X509Extension Create(NameConstraints constraints)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(Permitted))
            {
                foreach (var subtree in constraints.PermittedDnsSubtrees)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, subtree, DnsName);
                    }
                }

                foreach (var range in constraints.PermittedIpRanges)
                {
                    WriteIpSubtree(writer, range);
                }
            }

            if (constraints.PermittedIpRanges.Count == 0)
            {
                using (writer.PushSequence(Excluded))
                {
                    WriteIpSubtree(writer, IPNetwork.Parse("0.0.0.0/0"));
                    WriteIpSubtree(writer, IPNetwork.Parse("::/0"));
                }
            }
        }

        return new X509Extension(Oid, writer.Encode(), critical: true);
    }

    /// <summary>The constraints of a CA certificate, or null when it has none.</summary>
    public static NameConstraints? Read(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[Oid];
        if (extension is null)
        {
            return null;
        }

        var outer = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
        var dns = new List<string>();
        var ips = new List<IPNetwork>();
        if (outer.HasData && outer.PeekTag().HasSameClassAndValue(Permitted))
        {
            var subtrees = outer.ReadSequence(Permitted);
            while (subtrees.HasData)
            {
                var subtree = subtrees.ReadSequence();
                var tag = subtree.PeekTag();
                if (tag.HasSameClassAndValue(DnsName))
                {
                    dns.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, DnsName));
                }
                else if (tag.HasSameClassAndValue(IpAddress))
                {
                    ips.Add(ToNetwork(subtree.ReadOctetString(IpAddress)));
                }
            }
        }

        return new NameConstraints(dns, ips);
    }

    private static void WriteIpSubtree(AsnWriter writer, IPNetwork range)
    {
        var address = range.BaseAddress.GetAddressBytes();
        var mask = new byte[address.Length];
        for (var bit = 0; bit < range.PrefixLength; bit++)
        {
            mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        using (writer.PushSequence())
        {
            writer.WriteOctetString([.. address, .. mask], IpAddress);
        }
    }

    private static IPNetwork ToNetwork(byte[] addressAndMask)
    {
        var half = addressAndMask.Length / 2;
        var prefix = addressAndMask.AsSpan(half).ToArray().Sum(b => System.Numerics.BitOperations.PopCount(b));
        var address = new IPAddress(addressAndMask.AsSpan(0, half));
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new FormatException("name constraint holds an IP subtree of unknown length");
        }

        return new IPNetwork(address, prefix);
    }
}
