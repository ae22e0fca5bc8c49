using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Core.State;
using HomelabGate.Dns.HostsFile;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.PiHole;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Providers;

/// <summary>Builds the DNS provider and its ownership registry that the manifest's <c>dns.provider</c> names. Ownership is
/// always recorded in the state store, and for RFC 2136 also in the zone, so it survives a lost state directory.</summary>
public sealed class DnsProviderFactory(IStateStorage state, Rfc2136ClientFactory rfc2136, ISecretResolver secrets)
{
    public DnsProviderFactory(string stateDir, Rfc2136ClientFactory rfc2136, ISecretResolver secrets) : this(new FileStateStorage(stateDir), rfc2136, secrets)
    {
    }

    public (IDnsProvider Provider, IDnsOwnershipRegistry Ownership) Create(DnsProviderSettings settings)
    {
        var file = new JsonOwnershipRegistry(state, StateKeys.DnsOwnership, settings.OwnerId);
        switch (settings.Type)
        {
            case DnsProviderType.Rfc2136:
                var client = rfc2136.Create(Required(settings.Server, "dns.provider.server"), Required(settings.Zone, "dns.provider.zone"), settings.Tsig);
                var zone = new TxtRecordOwnershipRegistry(client, new OwnershipTxt(OwnershipTxt.DefaultPrefix, settings.OwnerId));
                return (new Rfc2136Provider(client), new CompositeOwnershipRegistry([file, zone]));
            case DnsProviderType.Pihole:
                var pihole = new PiholeClient(new HttpClient { Timeout = TimeSpan.FromSeconds(15) },
                    new PiholeOptions(new Uri(Required(settings.Url, "dns.provider.url")), SecretReferences.Require(settings.Password, "dns.provider.password")), secrets);
                return (new PiholeProvider(pihole), file);
            case DnsProviderType.HostsFile:
                var reload = settings.ReloadCommand is { } command ? new CommandReload("/bin/sh", ["-c", command], TimeSpan.FromSeconds(30)) : null;
                return (new HostsFileProvider(Path.GetFullPath(Required(settings.Path, "dns.provider.path")), reload), file);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Type, "unknown DNS provider type");
        }
    }

    private static string Required(string? value, string field) =>
        value ?? throw new InvalidOperationException($"{field} is required for this DNS provider");
}
