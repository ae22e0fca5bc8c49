using HomelabGate.Dns.HostsFile;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Tests.HostsFile;

public sealed class HostsFileDocumentTests
{
    private const string Existing = "127.0.0.1 localhost\n# router\n192.168.1.1 router.lan   # the box\n";

    [Fact]
    public void Lines_outside_the_markers_are_kept_byte_for_byte_and_the_block_is_appended()
    {
        var document = HostsFileDocument.Parse(Existing);
        var nas = DnsRecordSet.Create("nas.home.test", DnsRecordType.A, 0, "10.0.0.5");
        document.Managed[nas.Key] = nas;

        var text = document.Render();

        Assert.StartsWith(Existing, text);
        Assert.Contains($"{HostsFileDocument.BeginMarker}\n10.0.0.5 nas.home.test\n# END homelabgate", text);
    }

    [Fact]
    public void Rendering_a_parsed_file_gives_the_same_text()
    {
        var text = $"# top\n{HostsFileDocument.BeginMarker}\n10.0.0.5 nas.home.test\nfd00::5 nas.home.test\n{HostsFileDocument.EndMarker}\n10.0.0.9 printer.lan\n";

        Assert.Equal(text, HostsFileDocument.Parse(text).Render());
    }

    [Fact]
    public void Record_sets_are_read_from_inside_and_outside_the_block_by_address_family()
    {
        var text = $"192.168.1.1 router.lan gw.lan\n{HostsFileDocument.BeginMarker}\n10.0.0.5 nas.home.test\nfd00::5 nas.home.test\n{HostsFileDocument.EndMarker}\n";

        var sets = HostsFileDocument.Parse(text).AllRecordSets();

        Assert.Contains(DnsRecordSet.Create("gw.lan", DnsRecordType.A, 0, "192.168.1.1"), sets);
        Assert.Contains(DnsRecordSet.Create("nas.home.test", DnsRecordType.AAAA, 0, "fd00::5"), sets);
        Assert.Equal(4, sets.Count);
    }
}
