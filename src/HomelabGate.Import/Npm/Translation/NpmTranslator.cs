using System.Globalization;
using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Output;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Turns what was read from NPM into a manifest, the files it references and a report. Certificates and access
/// lists come first, as hosts refer to them; rows are taken in id order, so the same data gives the same manifest.</summary>
internal sealed class NpmTranslator(NpmImportOptions options, TimeProvider time)
{
    public ImportResult Translate(NpmData data)
    {
        var context = new ImportContext(options);
        var targets = new TargetTranslator(context);
        var tls = new TlsTranslator(context);
        var advanced = new AdvancedConfigApplier(context);
        var certificates = new CertificateTranslator(context, new NpmCertificateFiles(options), new DnsChallengeTranslator(context), time);
        var accessLists = new AccessListTranslator(context, new PasswordHasher(options.BcryptCost));
        data.Certificates.ToList().ForEach(certificates.Translate);
        data.AccessLists.ToList().ForEach(accessLists.Translate);
        data.ProxyHosts.ToList().ForEach(new ProxyHostTranslator(context, targets, tls, advanced).Translate);
        data.RedirectionHosts.ToList().ForEach(new RedirectionHostTranslator(context, tls, advanced).Translate);
        data.DeadHosts.ToList().ForEach(new DeadHostTranslator(context, tls, advanced).Translate);
        var streams = new StreamTranslator(context);
        var https = context.CertificateNames.Count > 0;
        int[] webPorts = https ? [Port(options.HttpListen), Port(options.HttpsListen)] : [Port(options.HttpListen)];
        data.Streams.ToList().ForEach(s => streams.Translate(s, webPorts));
        Schema(context, data);
        Count(context, data);
        var root = new YamlMap();
        root.Add("version", 1);
        root.Add("settings", Settings(context, data, https));
        foreach (var (key, section) in new[] { ("upstreams", context.Upstreams), ("issuers", context.Issuers), ("certificates", context.Certificates),
            ("accessLists", context.AccessLists), ("hosts", context.Hosts), ("streams", context.Streams) })
        {
            if (!section.IsEmpty || section.Footer.Count > 0)
            {
                root.Add(key, section);
            }
        }
        context.AddFile(".gitignore", "# Secrets written by gate import npm: never commit them.\n*\n", secret: false);
        var manifest = new YamlWriter().Write(root, Header(data));
        return new ImportResult(manifest, context.Files, context.Seeds, context.Report);
    }

    private YamlMap Settings(ImportContext context, NpmData data, bool https)
    {
        var settings = new YamlMap();
        settings.Add("stateDir", options.StateDir);
        var listen = settings.Map("listen");
        listen.Add("http", options.HttpListen).Comment("NPM's ports; while NPM still runs on this machine, pick others (gate import npm --http/--https).");
        if (https)
        {
            listen.Add("https", options.HttpsListen);
        }
        new DefaultSiteTranslator(context).Translate(data.DefaultSite, settings);
        return settings;
    }

    private static void Schema(ImportContext context, NpmData data)
    {
        if (data.UnknownColumns.Count > 0)
        {
            context.Report.Attention("database", $"columns this importer does not know (a newer NPM?) were ignored: {string.Join(", ", data.UnknownColumns)}");
        }
        foreach (var problem in data.Problems)
        {
            context.Report.Attention("database", problem);
        }
    }

    private static void Count(ImportContext context, NpmData data)
    {
        var report = context.Report;
        report.Count(data.ProxyHosts.Count(h => h.State != NpmRowState.Deleted), "proxy host", "proxy hosts");
        report.Count(data.RedirectionHosts.Count(h => h.State != NpmRowState.Deleted), "redirection host", "redirection hosts");
        report.Count(data.DeadHosts.Count(h => h.State != NpmRowState.Deleted), "404 host", "404 hosts");
        report.Count(data.Streams.Count(s => s.State != NpmRowState.Deleted), "stream", "streams");
        report.Count(context.AccessListNames.Count, "access list", "access lists");
        report.Count(context.CertificateNames.Count, "certificate", "certificates");
    }

    private IEnumerable<string> Header(NpmData data) =>
    [
        "Imported from Nginx Proxy Manager by 'gate import npm'" +
            (data.Migrations.Count == 0 ? "." : string.Create(CultureInfo.InvariantCulture, $" (NPM schema: {data.Migrations.Count} migrations, the last {data.Migrations[^1]}).")),
        $"Secrets (password hashes, DNS credentials, certificate keys) are 0600 files in {options.SecretsDirectory},",
        "referenced with ${file:...}: keep that folder out of git.",
        "Items that need a look are marked ATTENTION below; the import report lists the same items.",
        $"Proxied hosts get maxBodySize: {ProxyHostTranslator.NpmBodyLimit}, NPM's upload limit (gate's own default is 30 MB).",
        "WebSockets, and HTTP/2 over HTTPS, are always on in gate.",
    ];

    private static int Port(string listen) =>
        int.TryParse(listen[(listen.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1;
}
