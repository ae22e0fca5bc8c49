using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HomelabGate.Core.State;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Ownership;

/// <summary>Ownership in a JSON file in the state dir (e.g. <c>/data/dns-ownership.json</c>), rewritten atomically
/// on every change. It also keeps the record sets as last written, which drift detection compares against.</summary>
public sealed class JsonFileOwnershipRegistry(string path, string ownerId) : IDnsOwnershipRegistry
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

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
        var content = JsonSerializer.Serialize(new FileContent(ownerId, ordered), Json);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Run(() => AtomicFile.Write(path, Encoding.UTF8.GetBytes(content + "\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite), cancellationToken);
    }

    private async Task<FileContent> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new FileContent(ownerId, []);
        }
        await using var stream = File.OpenRead(path);
        var content = await JsonSerializer.DeserializeAsync<FileContent>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path}: the DNS ownership file is empty");
        if (content.OwnerId != ownerId)
        {
            // Another instance's file: treating its records as ours could delete them.
            throw new InvalidDataException($"{path}: the DNS ownership file belongs to owner '{content.OwnerId}', not '{ownerId}'");
        }
        return content;
    }

    private sealed record FileContent(string OwnerId, List<FileRecord> Records);

    private sealed record FileRecord(string Name, DnsRecordType Type, int Ttl, List<string> Values);
}
