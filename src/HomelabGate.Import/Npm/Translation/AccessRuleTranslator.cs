using System.Net;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM renders its rules in order, then always "deny all": the first match decides. Gate checks deny entries
/// first, then allow entries, and refuses what no allow entry matched (when there are any). So: every allow is kept,
/// a deny is kept when it precedes an allow it overlaps (elsewhere the final "deny all" covers it), and a kept deny
/// that also overlaps an earlier allow cannot be expressed exactly — that is reported.</summary>
internal static class AccessRuleTranslator
{
    private const string All = "all";

    public static AccessRules Translate(IReadOnlyList<Reading.NpmAccessRule> rules, bool hasUsers, bool satisfyAny)
    {
        var result = new AccessRules([], [], []);
        var parsed = new List<(bool Allow, string Address, IPNetwork[] Networks)>();
        foreach (var rule in rules)
        {
            if (Networks(rule.Address) is { } networks)
            {
                parsed.Add((rule.Allow, rule.Address == All || !rule.Address.Contains('/') ? rule.Address : networks[0].ToString(), networks));
            }
            else
            {
                result.Problems.Add($"'{rule.Address}' is not an IP address, CIDR or 'all'; that rule is not imported");
            }
        }
        if (parsed.Count == 0)
        {
            NoRules(result, hasUsers, satisfyAny);
            return result;
        }
        if (!parsed.Any(r => r.Allow))
        {
            result.Deny.Add(All);
            if (!hasUsers || !satisfyAny)
            {
                result.Problems.Add("this list has only deny rules, and NPM appends 'deny all': it refused every client, and so does the import");
            }
            return result;
        }
        for (var j = 0; j < parsed.Count; j++)
        {
            var rule = parsed[j];
            if (rule.Allow)
            {
                result.Allow.Add(rule.Address);
                continue;
            }
            if (!parsed.Skip(j + 1).Any(later => later.Allow && Overlap(rule.Networks, later.Networks)))
            {
                continue;
            }
            result.Deny.Add(rule.Address);
            foreach (var earlier in parsed.Take(j).Where(e => e.Allow && Overlap(rule.Networks, e.Networks)))
            {
                result.Problems.Add($"NPM allowed {earlier.Address} before it denied {rule.Address}; gate checks deny rules first, so addresses in both are now refused");
            }
        }
        return result;
    }

    private static void NoRules(AccessRules result, bool hasUsers, bool satisfyAny)
    {
        if (!hasUsers)
        {
            result.Deny.Add(All);
            result.Problems.Add("this list has neither IP rules nor users, and NPM appends 'deny all': it refused every client, and so does the import");
        }
        else if (!satisfyAny)
        {
            result.Problems.Add("NPM appends 'deny all' to every list, so with 'satisfy all' and no IP rules it refused every client even with the right password; imported as password-only, which is what the list was made for");
        }
    }

    private static IPNetwork[]? Networks(string address)
    {
        if (address == All)
        {
            return [IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")];
        }
        var slash = address.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? address : address[..slash], out var ip))
        {
            return null;
        }
        var bits = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (slash >= 0 && (!int.TryParse(address[(slash + 1)..], out bits) || bits < 0 || bits > (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)))
        {
            return null;
        }
        return [new IPNetwork(Masked(ip, bits), bits)];
    }

    /// <summary>nginx accepts 192.168.1.5/24 and ignores the low bits; the manifest wants the network, 192.168.1.0/24.</summary>
    private static IPAddress Masked(IPAddress ip, int bits)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    private static bool Overlap(IPNetwork[] a, IPNetwork[] b) =>
        a.Any(x => b.Any(y => x.BaseAddress.AddressFamily == y.BaseAddress.AddressFamily && (x.Contains(y.BaseAddress) || y.Contains(x.BaseAddress))));
}
