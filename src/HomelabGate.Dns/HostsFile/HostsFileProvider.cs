using System.Text;
using HomelabGate.Core.State;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.HostsFile;

/// <summary>The <c>hosts-file</c> provider: A/AAAA records in a hosts-format file (dnsmasq <c>addn-hosts</c>,
/// CoreDNS <c>hosts</c>, /etc/hosts). Only the block between the markers is written; the file is replaced
/// atomically, then the optional reload runs. Hosts files have no TTLs.</summary>
public sealed class HostsFileProvider(string path, IReloadAction? reload) : IDnsProvider
{
    public string Description => $"hosts-file {path}";

    public DnsProviderCapabilities Capabilities { get; } = new(new HashSet<DnsRecordType> { DnsRecordType.A, DnsRecordType.AAAA }, SupportsTtl: false);

    public async Task<IReadOnlyList<DnsRecordSet>> ObserveAsync(DnsObservationScope scope, CancellationToken cancellationToken)
    {
        var all = (await ReadAsync(cancellationToken)).AllRecordSets();
        return scope.IsWholeZone ? all : all.Where(s => scope.Names!.Contains(s.Name)).ToList();
    }

    public async Task ApplyAsync(IReadOnlyList<DnsChange> changes, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(cancellationToken);
        foreach (var change in changes)
        {
            if (change.After is { } after && !Capabilities.Types.Contains(after.Type))
            {
                throw new NotSupportedException($"{Description} cannot hold {after.Type} records ({after.Name})");
            }
            document.Managed.Remove(change.Key);
            if (change.After is not null)
            {
                document.Managed[change.Key] = change.After.WithTtl(0);
            }
        }
        // dnsmasq and Pi-hole read the file as another user: keep its mode, or make it world-readable (it holds no secret).
        var mode = File.Exists(path) && !OperatingSystem.IsWindows()
            ? File.GetUnixFileMode(path)
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        await Task.Run(() => AtomicFile.Write(path, Encoding.UTF8.GetBytes(document.Render()), mode), cancellationToken);
        if (reload is not null)
        {
            try
            {
                await reload.ReloadAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new DnsReloadFailedException($"{Description} was written, but the reload failed: {e.Message}", e);
            }
        }
    }

    private async Task<HostsFileDocument> ReadAsync(CancellationToken cancellationToken) =>
        HostsFileDocument.Parse(File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty);
}
