using System.Net;
using System.Net.Sockets;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.HostsFile;

/// <summary>A hosts file split into the lines HomelabGate owns (between the markers) and everything else,
/// which is kept byte for byte. Pure: parse text, change the managed block, render text.</summary>
public sealed class HostsFileDocument
{
    public const string BeginMarker = "# BEGIN homelabgate";
    public const string EndMarker = "# END homelabgate (managed block: edits here are overwritten)";

    private readonly List<string> _before;
    private readonly List<string> _after;

    private HostsFileDocument(List<string> before, Dictionary<DnsRecordKey, DnsRecordSet> managed, List<string> after)
    {
        _before = before;
        Managed = managed;
        _after = after;
    }

    /// <summary>The record sets in the managed block, by key; change it, then <see cref="Render"/>.</summary>
    public Dictionary<DnsRecordKey, DnsRecordSet> Managed { get; }

    public static HostsFileDocument Parse(string text)
    {
        var lines = text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').ToList();
        var begin = lines.FindIndex(l => l.Trim() == BeginMarker);
        var end = begin < 0 ? -1 : lines.FindIndex(begin + 1, l => l.Trim().StartsWith("# END homelabgate", StringComparison.Ordinal));
        if (begin < 0 || end < 0)
        {
            return new HostsFileDocument(lines, [], []);
        }
        var managed = Group(lines.Skip(begin + 1).Take(end - begin - 1)).ToDictionary(s => s.Key);
        return new HostsFileDocument(lines.Take(begin).ToList(), managed, lines.Skip(end + 1).ToList());
    }

    /// <summary>Every record set the file defines, inside the block and outside it.</summary>
    public IReadOnlyList<DnsRecordSet> AllRecordSets() =>
        Group(_before.Concat(Managed.Values.SelectMany(Lines)).Concat(_after)).ToList();

    public string Render()
    {
        var block = Managed.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Type).SelectMany(Lines);
        return string.Join("\n", _before.Append(BeginMarker).Concat(block).Append(EndMarker).Concat(_after)) + "\n";
    }

    private static IEnumerable<string> Lines(DnsRecordSet set) => set.Values.Select(v => $"{v} {DnsNames.Relative(set.Name)}");

    private static IEnumerable<DnsRecordSet> Group(IEnumerable<string> lines) =>
        lines
            .Select(l => l.Split('#', 2)[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 2 && IPAddress.TryParse(fields[0], out _))
            .SelectMany(fields => fields.Skip(1).Select(name => (Address: IPAddress.Parse(fields[0]), Name: DnsNames.Absolute(name))))
            .GroupBy(e => (e.Name, Type: e.Address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A))
            .Select(g => DnsRecordSet.Create(g.Key.Name, g.Key.Type, g.Select(e => e.Address.ToString()), 0));
}
