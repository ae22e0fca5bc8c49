using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>One atomic RFC 2136 UPDATE: prerequisites that must hold, then operations that the server applies
/// all together or not at all. Build it fluently and send it with <see cref="Rfc2136Client.UpdateAsync"/>.</summary>
public sealed class Rfc2136Update
{
    private readonly List<PrequisiteBase> _prerequisites = [];
    private readonly List<UpdateBase> _operations = [];
    private readonly List<string> _names = [];

    public bool IsEmpty => _operations.Count == 0;

    /// <summary>The names touched, for error messages ("update of nas.home.test. failed ...").</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Prerequisite: no RRset of this name and type exists (a safe create).</summary>
    public Rfc2136Update RequireAbsent(DnsRecordKey key)
    {
        _prerequisites.Add(new RecordNotExistsPrequisite(ArsoftRecords.Name(key.Name), ArsoftRecords.Type(key.Type)));
        return this;
    }

    /// <summary>Prerequisite: the RRset is exactly <paramref name="set"/> (values, not TTL), so an update or delete
    /// fails instead of overwriting a change someone made since it was observed.</summary>
    public Rfc2136Update RequireExactly(DnsRecordSet set)
    {
        _prerequisites.AddRange(ArsoftRecords.Records(set).Select(r => new RecordExistsValueDependantPrequisite(r)));
        return this;
    }

    /// <summary>Replaces the whole RRset with <paramref name="set"/>.</summary>
    public Rfc2136Update ReplaceSet(DnsRecordSet set) => DeleteSet(set.Key).AddValues(set);

    /// <summary>Adds values to the RRset, keeping the values already there.</summary>
    public Rfc2136Update AddValues(DnsRecordSet set)
    {
        _operations.AddRange(ArsoftRecords.Records(set).Select(r => new AddRecordUpdate(r)));
        return Touch(set.Name);
    }

    public Rfc2136Update DeleteSet(DnsRecordKey key)
    {
        _operations.Add(new DeleteAllRecordsUpdate(ArsoftRecords.Name(key.Name), ArsoftRecords.Type(key.Type)));
        return Touch(key.Name);
    }

    /// <summary>Removes only these values; other values of the RRset stay.</summary>
    public Rfc2136Update DeleteValues(DnsRecordSet set)
    {
        // RFC 2136 2.5.4: a value delete carries class NONE and TTL 0; ARSoft sets the class, the TTL must be 0.
        _operations.AddRange(ArsoftRecords.Records(set.WithTtl(0)).Select(r => new DeleteRecordUpdate(r)));
        return Touch(set.Name);
    }

    internal DnsUpdateMessage ToMessage(string zone)
    {
        var message = new DnsUpdateMessage { ZoneName = ArsoftRecords.Name(zone) };
        message.Prequisites.AddRange(_prerequisites);
        message.Updates.AddRange(_operations);
        return message;
    }

    private Rfc2136Update Touch(string name)
    {
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
        return this;
    }
}
