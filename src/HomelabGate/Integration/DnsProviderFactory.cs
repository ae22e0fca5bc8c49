using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Dns.HostsFile;
using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.PiHole;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Integration;

/// <summary>Builds the DNS provider and its ownership registry that the manifest's <c>dns.provider</c> names. Ownership is
/// always recorded in the state directory, and for RFC 2136 also in the zone, so it survives a lost state directory.</summary>
public sealed class DnsProviderFactory(string stateDir, ISecretResolver secrets, TimeProvider time)
{
    public (IDnsProvider Provider, IDnsOwnershipRegistry Ownership) Create(DnsProviderSettings settings)
    {
        var file = new JsonFileOwnershipRegistry(Path.Combine(stateDir, "dns-ownership.json"), settings.OwnerId);
        switch (settings.Type)
        {
            case "rfc2136":
                var client = Rfc2136(settings.Server!, settings.Zone!, settings.TsigName, settings.TsigAlgorithm, settings.TsigSecret);
                var zone = new TxtRecordOwnershipRegistry(client, new OwnershipTxt(OwnershipTxt.DefaultPrefix, settings.OwnerId));
                return (new Rfc2136Provider(client), new CompositeOwnershipRegistry([file, zone]));
            case "pihole":
                var pihole = new PiholeClient(new HttpClient { Timeout = TimeSpan.FromSeconds(15) },
                    new PiholeOptions(new Uri(settings.Url!), Reference(settings.Password, "dns.provider.password")), secrets);
                return (new PiholeProvider(pihole), file);
            default:
                var reload = settings.ReloadCommand is { } command ? new CommandReload("/bin/sh", ["-c", command], TimeSpan.FromSeconds(30)) : null;
                return (new HostsFileProvider(Path.GetFullPath(settings.Path!), reload), file);
        }
    }

    public Rfc2136Client Rfc2136(string server, string zone, string? keyName, string? algorithm, string? secret)
    {
        var colon = server.LastIndexOf(':');
        var (host, port) = colon > 0 && int.TryParse(server[(colon + 1)..], out var p) ? (server[..colon].Trim('[', ']'), p) : (server, 53);
        var key = keyName is null ? null : new TsigKey(keyName, algorithm ?? "hmac-sha256", Reference(secret, "tsig.secret"));
        return new Rfc2136Client(Rfc2136ServerOptions.Create(host, port, zone, key), secrets, time);
    }

    private static SecretReference Reference(string? value, string what) =>
        SecretReference.TryParse(value, out var reference)
            ? reference
            : throw new SecretUnavailableException(new SecretReference(SecretSource.Environment, what), $"{what} must be a ${{env:…}} or ${{file:…}} reference");
}
