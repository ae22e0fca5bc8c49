using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>An NPM proxy host as a manifest host: target, custom locations, TLS, access list, and NPM's upload limit;
/// what gate cannot do (block exploits, asset caching, nginx snippets) is marked where the host is.</summary>
internal sealed class ProxyHostTranslator(ImportContext context, TargetTranslator targets, TlsTranslator tls, AdvancedConfigApplier advanced)
{
    /// <summary>NPM's nginx.conf sets client_max_body_size 2000m for every host; gate has no limit without one, so NPM's is kept.</summary>
    public const string NpmBodyLimit = "2000MB";

    public void Translate(NpmProxyHost row)
    {
        if (HostRows.Begin(context, "proxy host", row.Id, row.State, row.Domains) is not (var subject, var name, var host))
        {
            return;
        }
        var enabled = row.State == NpmRowState.Enabled;
        var locations = new LocationTranslator(context, targets, advanced).Translate(row, name, host, enabled, subject);
        if (locations.Root is { } root)
        {
            targets.Apply(host, name, root.ForwardScheme, TargetTranslator.Split(root.ForwardHost).Host, root.ForwardPort, TargetTranslator.Split(root.ForwardHost).Path, enabled);
        }
        else
        {
            Main(row, name, host, enabled, subject);
        }
        if (locations.Items.Items.Count > 0)
        {
            host.Add("locations", locations.Items);
        }
        tls.Apply(host, row.Tls, subject);
        if (row.AccessListId != 0)
        {
            AccessList(row, host, subject);
        }
        var config = AdvancedConfigTranslator.Translate(row.AdvancedConfig);
        host.Add("maxBodySize", config.MaxBodySize ?? NpmBodyLimit);
        advanced.Apply(host, config, subject);
        var entry = context.Hosts.Add(name, host);
        Flags(row, entry, subject);
        HostRows.MarkDisabled(context, entry, row.State, subject);
    }

    private void Main(NpmProxyHost row, string name, YamlMap host, bool enabled, string subject)
    {
        var (forwardHost, path) = TargetTranslator.Split(row.ForwardHost);
        targets.Apply(host, name, row.ForwardScheme, forwardHost, row.ForwardPort, path, enabled);
        if (path.Length > 0)
        {
            var url = TargetTranslator.Url(row.ForwardScheme, forwardHost, row.ForwardPort, path);
            host.Entries[^1].Comment($"ATTENTION: NPM's forward host was \"{row.ForwardHost}\"; NPM pasted it into the URL whole (the upstream saw {path}:{row.ForwardPort}/…); imported as {url}.");
            context.Report.Attention(subject, $"forward host \"{row.ForwardHost}\" contains a path, which NPM mangled into {path}:{row.ForwardPort}/…; imported as {url}: check that this is what you meant");
        }
    }

    private void AccessList(NpmProxyHost row, YamlMap host, string subject)
    {
        if (context.AccessListNames.TryGetValue(row.AccessListId, out var list))
        {
            host.Add("accessList", list);
            return;
        }
        context.Report.Attention(subject, $"its access list (NPM access list {row.AccessListId}) does not exist or was deleted; NPM then served the host to everyone, and so does this import");
        host.Entries[0].Comment($"ATTENTION: NPM access list {row.AccessListId} is gone; the host is open to everyone, as it was in NPM.");
    }

    private void Flags(NpmProxyHost row, YamlEntry entry, string subject)
    {
        if (row.BlockExploits)
        {
            entry.Comment("ATTENTION: NPM's \"Block Common Exploits\" was on; gate has no equivalent (it refused some SQL-injection and file-inclusion patterns and scanner user agents).");
            context.Report.Attention(subject, "\"Block Common Exploits\" has no gate equivalent and is not imported");
        }
        if (row.CachingEnabled)
        {
            entry.Comment("ATTENTION: NPM's \"Cache Assets\" was on; gate does not cache, so images, scripts and styles always come from the upstream.");
            context.Report.Attention(subject, "\"Cache Assets\" has no gate equivalent: assets are fetched from the upstream every time");
        }
        if (row.TrustForwardedProto)
        {
            entry.Comment("ATTENTION: NPM trusted a client's X-Forwarded-Proto: https and skipped the HTTPS redirect for it; gate redirects every plain-HTTP request.");
            context.Report.Attention(subject, "\"Trust Upstream Forwarded Proto\" has no gate equivalent: every plain-HTTP request is redirected to HTTPS");
        }
        if (row.NginxError is { } error)
        {
            var line = error.ReplaceLineEndings(" ");
            entry.Comment($"ATTENTION: NPM could not load this host's nginx config: {(line.Length > 200 ? line[..200] + "…" : line)}");
            context.Report.Attention(subject, "NPM had an nginx error for this host, so NPM was not serving it; check the imported host");
        }
    }
}
