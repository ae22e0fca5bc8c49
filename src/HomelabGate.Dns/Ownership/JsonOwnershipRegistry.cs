using System.Text.Json;
using System.Text.Json.Serialization;
using HomelabGate.Core.State;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>Ownership as JSON in the state store (<c>dns-ownership.json</c>; e.g. <c>/data/dns-ownership.json</c>),
/// rewritten atomically on every change. It also keeps the record sets as last written, which drift detection compares
/// against.</summary>
public sealed class JsonOwnershipRegistry(IStateStorage storage, string key, string ownerId) : IDnsOwnershipRegistry
{
    /// <summary>A JSON file of its own.</summary>
    public JsonOwnershipRegistry(string path, string ownerId)
        : this(new FileStateStorage(Path.GetDirectoryName(Path.GetFullPath(path))!), Path.GetFileName(path), ownerId)
    {
    }

    private string Where => storage.Describe(key);

    public async Task<IReadOnlyDictionary<DnsRecordKey, OwnedRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var file = await ReadAsync(cancellationToken);
        return file.Records
            .Select(r => DnsRecordSet.Create(r.Name, r.Type, r.Values, r.Ttl))
            .ToDictionary(s => s.Key, s => new OwnedRecord(s.Key, s));
    }

    public async Task SaveAsync(OwnershipUpdate update, CancellationToken cancellationToken)
    {
        if (update.IsEmpty)
        {
            return;
        }
        var records = (await ReadAsync(cancellationToken)).Records.ToDictionary(r => new DnsRecordKey(DnsNames.Absolute(r.Name), r.Type));
        foreach (var key in update.Released)
        {
            records.Remove(key);
        }
        foreach (var set in update.Claimed)
        {
            records[set.Key] = new FileRecord(set.Name, set.Type, set.Ttl, [.. set.Values]);
        }
        var ordered = records.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Type).ToList();
        var content = JsonSerializer.Serialize(new FileContent(ownerId, ordered), OwnershipJson.Default.FileContent);
        await storage.WriteAsync([StateWrite.Text(key, content + "\n", secret: true)], cancellationToken);
    }

    private async Task<FileContent> ReadAsync(CancellationToken cancellationToken)
    {
        if (storage.Read(key) is not { } bytes)
        {
            return new FileContent(ownerId, []);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var content = JsonSerializer.Deserialize(bytes, OwnershipJson.Default.FileContent)
            ?? throw new InvalidDataException($"{Where}: the DNS ownership file is empty");
        if (content.OwnerId != ownerId)
        {
            // Another instance's file: treating its records as ours could delete them.
            throw new InvalidDataException($"{Where}: the DNS ownership file belongs to owner '{content.OwnerId}', not '{ownerId}'");
        }
        return content;
    }
}
